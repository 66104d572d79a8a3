import type { Input, Method, Output } from '../../common/contract';
import type { Role as StaffRole } from '../../common/roles';
import { RemoteRouter, type ServerChoice } from '../../electron/client/remote-router';
import { GROUP_NAMES, personName, staffName } from '../../tools/seed/names';
import { Random } from '../../tools/seed/random';

/** A client PC's call through its RemoteRouter; a refusal throws (the seed must not fail). */
export async function call<M extends Method>(
  router: RemoteRouter,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const answer = await router.call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.result as Output<M>;
}

export const GROUPS = 10;
export const CHILDREN_PER_GROUP = 20;
/** Children a teacher's session writes; the rest of a group's children are the nurse's. */
export const CHILDREN_PER_TEACHER = 5;
export const TEACHERS = 37;
export const PASSWORD = 'slodzes-parole-2026';
const TEMPORARY = 'pagaidu-parole-2026';

/** One staff account of the load test and the cells only its session writes. */
export interface Account {
  username: string;
  role: StaffRole;
  /** The groups whose day and month this session reads, in turn. */
  groups: number[];
  /** The children this session alone writes, with their group. */
  cells: { groupId: number; childId: number }[];
}

/** Runs `task` on each item, `width` at a time (each worker with its own session). */
async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

/**
 * The kindergarten of the load test, made through the API as the head and the deputy would:
 * 10 groups of 20 children, 37 teachers (3–4 to a group, 5 children each), the nurse (the
 * children no teacher writes), the deputy and the head: 40 accounts with their own password.
 * Every cell (child, day) has exactly one writer, so a CONFLICT in the run is a real error.
 */
export async function seedKindergarten(server: ServerChoice, today: string): Promise<Account[]> {
  const random = new Random(18);
  const schoolYear = Number(today.slice(0, 4)) - (today.slice(5, 7) < '09' ? 1 : 0);
  const [from, to] = [`${schoolYear}-09-01`, `${schoolYear + 1}-08-31`];
  const head = new RemoteRouter(server);
  await call(head, 'auth.setup', {
    institution: { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
    head: {
      fullName: 'Ilze Bērziņa',
      username: 'vaditaja',
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    },
  });
  const staff: { username: string; role: StaffRole; id: number }[] = [];
  const wanted: [string, StaffRole][] = [
    ['vietniece', 'deputy'],
    ['masa', 'nurse'],
    ...Array.from(
      { length: TEACHERS },
      (_, i) => [`skolotaja${String(i + 1).padStart(2, '0')}`, 'teacher'] as [string, StaffRole],
    ),
  ];
  for (const [username, role] of wanted) {
    const user = await call(head, 'users.create', {
      username,
      fullName: staffName(random),
      role,
      temporaryPassword: TEMPORARY,
    });
    staff.push({ username, role, id: user.id });
  }
  // Each account sets its own password at its first login, as on a PC.
  await inParallel([...staff], 4, async ({ username }) => {
    const pc = new RemoteRouter(server);
    await call(pc, 'auth.login', { username, password: TEMPORARY });
    await call(pc, 'auth.changePassword', {
      currentPassword: TEMPORARY,
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    });
    await pc.dispose();
  });

  const teachers = staff.filter((s) => s.role === 'teacher');
  const accounts = new Map<string, Account>();
  const account = (username: string, role: StaffRole) => {
    if (!accounts.has(username)) accounts.set(username, { username, role, groups: [], cells: [] });
    return accounts.get(username)!;
  };
  const groupIds: number[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = await call(head, 'groups.create', {
      number: g + 1,
      name: GROUP_NAMES[g],
      ageFromMonths: 36,
      ageToMonths: 84,
      capacity: CHILDREN_PER_GROUP,
      schoolYear,
      activeFrom: from,
      activeTo: to,
    });
    groupIds.push(group.id);
  }
  // Children in parallel, four sessions of the deputy (who enrols them).
  const children = groupIds.flatMap((groupId, g) =>
    Array.from({ length: CHILDREN_PER_GROUP }, (_, c) => ({
      groupId,
      n: g * CHILDREN_PER_GROUP + c + 1,
      name: personName(random),
    })),
  );
  const made = new Map<number, number[]>(groupIds.map((id) => [id, []]));
  const pcs: RemoteRouter[] = [];
  for (let i = 0; i < 4; i++) {
    const pc = new RemoteRouter(server);
    await call(pc, 'auth.login', { username: 'vietniece', password: PASSWORD });
    pcs.push(pc);
  }
  await inParallel(pcs, 4, async (pc) => {
    for (let item = children.shift(); item !== undefined; item = children.shift()) {
      const child = await call(pc, 'children.create', {
        firstName: item.name.firstName,
        lastName: item.name.lastName,
        personalCode: personalCode(item.n),
        birthDate: `${schoolYear - 4}-0${1 + (item.n % 9)}-1${item.n % 10}`,
        groupId: item.groupId,
        fromDate: from,
      });
      made.get(item.groupId)!.push(child.id);
    }
    await pc.dispose();
  });

  // Teachers round the groups (3–4 each), five children each; the rest to the nurse.
  const nurse = account('masa', 'nurse');
  const writers = new Map<number, number>(groupIds.map((id) => [id, 0]));
  for (const [t, teacher] of teachers.entries()) {
    const groupId = groupIds[t % GROUPS];
    await call(head, 'groups.assignTeacher', { groupId, userId: teacher.id, fromDate: from });
    const mine = account(teacher.username, 'teacher');
    mine.groups.push(groupId);
    const k = writers.get(groupId)!;
    writers.set(groupId, k + 1);
    for (const childId of made
      .get(groupId)!
      .slice(k * CHILDREN_PER_TEACHER)
      .slice(0, CHILDREN_PER_TEACHER)) {
      mine.cells.push({ groupId, childId });
    }
  }
  for (const groupId of groupIds) {
    nurse.groups.push(groupId);
    const rest = made.get(groupId)!.slice(writers.get(groupId)! * CHILDREN_PER_TEACHER);
    for (const childId of rest) nurse.cells.push({ groupId, childId });
  }
  account('vietniece', 'deputy').groups.push(...groupIds);
  account('vaditaja', 'head').groups.push(...groupIds);
  await head.dispose();
  return [...accounts.values()];
}

/** The e2e helper's new-format personal codes (32…, no birth date in them): unique per n. */
function personalCode(n: number): string {
  return `32${String(4100 + n).padStart(4, '0')}-${String(52000 + n * 37).padStart(5, '0')}`;
}
