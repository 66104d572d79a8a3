import { In, type EntityManager } from 'typeorm';
import { addDays } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { parsePersonalCode } from '../../../common/personal-code';
import { compareLv, personSearchName } from '../../../common/text';
import { User } from '../../../database/entities';
import {
  Child,
  ChildGuardian,
  Enrolment,
  Group,
  GroupTeacher,
  Guardian,
  ParentApplication,
} from '../../../database/entities/people';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import type { Context, HandlerMap } from '../context';
import { assertChildVisible, visibleGroupIds } from './access';
import { confirmImport, previewImport } from './import';
import { applicationPdf } from './pdf';
import {
  applicationSummary,
  assertInGroupRange,
  childDetail,
  childSummary,
  covers,
  currentEnrolment,
  fieldError,
  findGroup,
  groupLabels,
  groupSummaries,
  guardianSummary,
  searchWords,
  splitName,
} from './service';

const today = (ctx: Context) => rigaDate(ctx.now());

function log(
  m: EntityManager,
  ctx: Context,
  action: string,
  entity: string,
  entityId: number,
  before?: unknown,
  after?: unknown,
) {
  return audit(m, ctx.now(), { action, actorId: ctx.user.id, entity, entityId, before, after });
}

/** The code as stored (11 digits) and the date of birth (from the code or given). */
function codeAndBirth(personalCode: string, birthDate: string | null) {
  const parsed = parsePersonalCode(personalCode);
  if (!parsed.ok) throw fieldError('personalCode', 'v.personalCode.shape');
  const birth = parsed.format === 'old' ? parsed.birthDate : birthDate;
  if (!birth) throw fieldError('birthDate', 'people.birthDateRequired');
  return { code: parsed.code, birthDate: birth };
}

async function assertCodeFree(m: EntityManager, code: string, exceptId?: number) {
  const other = await m.findOneBy(Child, { personalCode: code });
  if (other && other.id !== exceptId) throw fieldError('personalCode', 'people.personalCodeTaken');
}

async function groupOut(m: EntityManager, group: Group, date: string) {
  return (await groupSummaries(m, [group], date))[0];
}

export const peopleHandlers = {
  /* ---------- groups ---------- */
  'groups.list': async (input, ctx) => {
    const date = input.date ?? today(ctx);
    const m = ctx.db.manager;
    const visible = await visibleGroupIds(m, ctx.user, date, today(ctx));
    let groups = await m.find(Group);
    if (visible !== 'all') groups = groups.filter((g) => visible.includes(g.id));
    else if (!input.all) groups = groups.filter((g) => g.activeFrom <= date && g.activeTo >= date);
    return groupSummaries(m, groups, date);
  },
  'groups.create': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const group = await m.save(m.create(Group, input));
      await log(m, ctx, 'group.create', 'group', group.id, undefined, input);
      return groupOut(m, group, today(ctx));
    }),
  'groups.update': async ({ id, ...input }, ctx) =>
    ctx.db.transaction(async (m) => {
      const group = await m.findOneBy(Group, { id });
      if (!group) throw new AppError('NOT_FOUND');
      const before = { ...group };
      Object.assign(group, input);
      await m.save(group);
      await log(m, ctx, 'group.update', 'group', id, before, input);
      return groupOut(m, group, today(ctx));
    }),
  'groups.assignTeacher': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const group = await findGroup(m, input.groupId);
      const user = await m.findOneBy(User, { id: input.userId });
      if (!user || !user.active || user.role !== 'teacher') {
        throw fieldError('userId', 'people.notTeacher');
      }
      if (input.fromDate > group.activeTo || (input.toDate ?? group.activeTo) < group.activeFrom) {
        throw fieldError('fromDate', 'people.outsideGroup');
      }
      const existing = await m.findBy(GroupTeacher, {
        groupId: input.groupId,
        userId: input.userId,
      });
      const end = input.toDate ?? '9999-12-31';
      if (existing.some((e) => e.fromDate <= end && (e.toDate ?? '9999-12-31') >= input.fromDate)) {
        throw fieldError('fromDate', 'people.teacherOverlap');
      }
      const row = await m.save(
        m.create(GroupTeacher, {
          groupId: input.groupId,
          userId: input.userId,
          fromDate: input.fromDate,
          toDate: input.toDate,
        }),
      );
      await log(m, ctx, 'group.assignTeacher', 'group_teacher', row.id, undefined, input);
      return { ...row, fullName: user.fullName };
    }),
  'groups.endTeacher': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const row = await m.findOneBy(GroupTeacher, { id: input.assignmentId });
      if (!row) throw new AppError('NOT_FOUND');
      if (input.toDate < row.fromDate) throw fieldError('toDate', 'people.dateOrder');
      const before = { toDate: row.toDate };
      await m.update(GroupTeacher, { id: row.id }, { toDate: input.toDate });
      await log(m, ctx, 'group.endTeacher', 'group_teacher', row.id, before, {
        toDate: input.toDate,
      });
    }),
  'groups.teachers': async (_input, ctx) => {
    const users = await ctx.db.getRepository(User).findBy({ role: 'teacher', active: true });
    return users
      .map((u) => ({ id: u.id, fullName: u.fullName }))
      .sort((a, b) => compareLv(a.fullName, b.fullName));
  },

  /* ---------- children ---------- */
  'children.list': async (input, ctx) => {
    const m = ctx.db.manager;
    const date = input.date ?? today(ctx);
    const visible = await visibleGroupIds(m, ctx.user, date, today(ctx));
    const managers = ctx.user.role === 'head' || ctx.user.role === 'deputy';
    const enrolments = (await m.find(Enrolment)).filter(
      (e) =>
        covers(e, date) &&
        (visible === 'all' || visible.includes(e.groupId)) &&
        (input.groupId === undefined || e.groupId === input.groupId),
    );
    const byChild = new Map(enrolments.map((e) => [e.childId, e]));
    const q = m.createQueryBuilder(Child, 'c');
    searchWords(input.search).forEach((word, i) =>
      q.andWhere(`c.search_name LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: word }),
    );
    const withoutGroup = managers && input.includeLeft && input.groupId === undefined;
    if (!withoutGroup) {
      if (byChild.size === 0) return [];
      q.andWhere('c.id IN (:...ids)', { ids: [...byChild.keys()] });
    }
    const labels = await groupLabels(m);
    return (await q.getMany())
      .map((c) => childSummary(c, byChild.get(c.id), labels))
      .sort((a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName));
  },
  'children.get': async (input, ctx) => {
    const m = ctx.db.manager;
    await assertChildVisible(m, ctx.user, input.id, today(ctx));
    return childDetail(m, input.id, today(ctx));
  },
  'children.create': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const { code, birthDate } = codeAndBirth(input.personalCode, input.birthDate);
      await assertCodeFree(m, code);
      const group = await findGroup(m, input.groupId);
      assertInGroupRange(group, input.fromDate, 'fromDate');
      const child = await m.save(
        m.create(Child, {
          firstName: input.firstName,
          lastName: input.lastName,
          searchName: personSearchName(input.firstName, input.lastName),
          personalCode: code,
          birthDate,
          createdAt: ctx.now().toISOString(),
        }),
      );
      const enrolment = await m.save(
        m.create(Enrolment, {
          childId: child.id,
          groupId: group.id,
          fromDate: input.fromDate,
          toDate: null,
        }),
      );
      // The audit keeps the masked code: the log is read by more people than the register.
      await log(m, ctx, 'child.create', 'child', child.id, undefined, {
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate,
        groupId: group.id,
        fromDate: enrolment.fromDate,
      });
      return childDetail(m, child.id, today(ctx));
    }),
  'children.update': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const child = await m.findOneBy(Child, { id: input.id });
      if (!child) throw new AppError('NOT_FOUND');
      const { code, birthDate } = codeAndBirth(input.personalCode, input.birthDate);
      await assertCodeFree(m, code, child.id);
      const before = {
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate,
        codeChanged: false,
      };
      await m.update(
        Child,
        { id: child.id },
        {
          firstName: input.firstName,
          lastName: input.lastName,
          searchName: personSearchName(input.firstName, input.lastName),
          personalCode: code,
          birthDate,
        },
      );
      await log(m, ctx, 'child.update', 'child', child.id, before, {
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate,
        codeChanged: code !== child.personalCode,
      });
      return childDetail(m, child.id, today(ctx));
    }),
  'children.move': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      if (!(await m.existsBy(Child, { id: input.childId }))) throw new AppError('NOT_FOUND');
      const group = await findGroup(m, input.groupId);
      assertInGroupRange(group, input.fromDate, 'fromDate');
      const current = await currentEnrolment(m, input.childId, input.fromDate);
      if (current) {
        if (current.groupId === group.id) throw fieldError('groupId', 'people.sameGroup');
        if (current.fromDate >= input.fromDate) {
          throw fieldError('fromDate', 'people.moveBeforeStart');
        }
        await m.update(Enrolment, { id: current.id }, { toDate: addDays(input.fromDate, -1) });
      }
      const next = await m.save(
        m.create(Enrolment, {
          childId: input.childId,
          groupId: group.id,
          fromDate: input.fromDate,
          toDate: null,
        }),
      );
      await log(
        m,
        ctx,
        'child.move',
        'child',
        input.childId,
        current ? { groupId: current.groupId, toDate: current.toDate } : undefined,
        { groupId: next.groupId, fromDate: next.fromDate },
      );
      return childDetail(m, input.childId, today(ctx));
    }),
  'children.leave': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      if (!(await m.existsBy(Child, { id: input.childId }))) throw new AppError('NOT_FOUND');
      const current = await currentEnrolment(m, input.childId, input.toDate);
      if (!current) throw fieldError('toDate', 'people.notEnrolled');
      if (input.toDate < current.fromDate) throw fieldError('toDate', 'people.dateOrder');
      await m.update(Enrolment, { id: current.id }, { toDate: input.toDate });
      await log(
        m,
        ctx,
        'child.leave',
        'child',
        input.childId,
        { toDate: current.toDate },
        {
          toDate: input.toDate,
        },
      );
      return childDetail(m, input.childId, today(ctx));
    }),
  'children.revealCode': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const child = await m.findOneBy(Child, { id: input.id });
      if (!child) throw new AppError('NOT_FOUND');
      await log(m, ctx, 'child.revealCode', 'child', child.id);
      return { personalCode: `${child.personalCode.slice(0, 6)}-${child.personalCode.slice(6)}` };
    }),

  /* ---------- guardians ---------- */
  'guardians.list': async (input, ctx) => {
    const m = ctx.db.manager;
    const q = m.createQueryBuilder(Guardian, 'g');
    searchWords(input.search).forEach((word, i) =>
      q.andWhere(`g.search_name LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: word }),
    );
    const guardians = await q.take(200).getMany();
    const out = await Promise.all(guardians.map((g) => guardianSummary(m, g)));
    return out.sort(
      (a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName),
    );
  },
  'guardians.create': async ({ childId, relation, ...input }, ctx) =>
    ctx.db.transaction(async (m) => {
      if (!(await m.existsBy(Child, { id: childId }))) {
        throw fieldError('childId', 'error.NOT_FOUND');
      }
      const guardian = await m.save(
        m.create(Guardian, {
          ...input,
          searchName: personSearchName(input.firstName, input.lastName),
          consents: JSON.stringify(input.consents),
        }),
      );
      await m.insert(ChildGuardian, { childId, guardianId: guardian.id, relation });
      await log(m, ctx, 'guardian.create', 'guardian', guardian.id, undefined, {
        ...input,
        childId,
        relation,
      });
      return guardianSummary(m, guardian);
    }),
  'guardians.update': async ({ id, ...input }, ctx) =>
    ctx.db.transaction(async (m) => {
      const guardian = await m.findOneBy(Guardian, { id });
      if (!guardian) throw new AppError('NOT_FOUND');
      const before = { ...guardian };
      Object.assign(guardian, {
        ...input,
        searchName: personSearchName(input.firstName, input.lastName),
        consents: JSON.stringify(input.consents),
      });
      await m.save(guardian);
      await log(m, ctx, 'guardian.update', 'guardian', id, before, input);
      return guardianSummary(m, guardian);
    }),
  'guardians.link': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      if (!(await m.existsBy(Guardian, { id: input.guardianId }))) throw new AppError('NOT_FOUND');
      if (!(await m.existsBy(Child, { id: input.childId }))) throw new AppError('NOT_FOUND');
      const link = await m.findOneBy(ChildGuardian, {
        childId: input.childId,
        guardianId: input.guardianId,
      });
      if (link) await m.update(ChildGuardian, { ...link }, { relation: input.relation });
      else await m.insert(ChildGuardian, input);
      await log(m, ctx, 'guardian.link', 'guardian', input.guardianId, link ?? undefined, input);
    }),
  'guardians.unlink': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const link = await m.findOneBy(ChildGuardian, input);
      if (!link) throw new AppError('NOT_FOUND');
      await m.delete(ChildGuardian, input);
      await log(m, ctx, 'guardian.unlink', 'guardian', input.guardianId, link, undefined);
    }),

  /* ---------- parent applications ---------- */
  'applications.list': async (input, ctx) => {
    const m = ctx.db.manager;
    const date = today(ctx);
    const visible = await visibleGroupIds(m, ctx.user, date);
    const rows = await m.find(ParentApplication, {
      where: {
        ...(input.status ? { status: input.status } : {}),
        ...(visible === 'all' ? {} : { groupId: In(visible) }),
      },
    });
    const labels = await groupLabels(m);
    return rows
      .map((a) => applicationSummary(a, labels, date))
      .sort(
        (a, b) =>
          Number(b.status === 'received') - Number(a.status === 'received') ||
          (a.status === 'received'
            ? a.dueOn.localeCompare(b.dueOn)
            : b.receivedOn.localeCompare(a.receivedOn)) ||
          b.id - a.id,
      );
  },
  'applications.create': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const date = today(ctx);
      if (input.receivedOn > date) throw fieldError('receivedOn', 'people.futureDate');
      const child = await m.findOneBy(Child, { id: input.childId });
      if (!child) throw fieldError('childId', 'error.NOT_FOUND');
      let groupId = input.groupId ?? null;
      if (groupId !== null) await findGroup(m, groupId);
      else groupId = (await currentEnrolment(m, child.id, input.receivedOn))?.groupId ?? null;
      const row = await m.save(
        m.create(ParentApplication, {
          receivedOn: input.receivedOn,
          parentName: input.parentName,
          parentPhone: input.parentPhone,
          childId: child.id,
          childName: `${child.firstName} ${child.lastName}`,
          groupId,
          status: 'received',
          connectedOn: null,
          refusalReason: null,
          guardianId: null,
          createdBy: ctx.user.id,
          createdAt: ctx.now().toISOString(),
        }),
      );
      await log(m, ctx, 'application.create', 'parent_application', row.id, undefined, input);
      return applicationSummary(row, await groupLabels(m), date);
    }),
  'applications.connect': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const date = today(ctx);
      const row = await m.findOneBy(ParentApplication, { id: input.id });
      if (!row) throw new AppError('NOT_FOUND');
      if (row.status !== 'received') throw new AppError('CONFLICT', 'people.applicationClosed');
      if (input.connectedOn < row.receivedOn) {
        throw fieldError('connectedOn', 'people.connectedBeforeReceived');
      }
      if (input.connectedOn > date) throw fieldError('connectedOn', 'people.futureDate');
      if (row.childId === null) throw fieldError('id', 'people.applicationNoChild');
      let guardian: Guardian | null;
      if (input.guardianId) {
        guardian = await m.findOneBy(Guardian, { id: input.guardianId });
        if (!guardian) throw fieldError('guardianId', 'error.NOT_FOUND');
      } else {
        const name = splitName(row.parentName);
        guardian = await m.save(
          m.create(Guardian, {
            ...name,
            searchName: personSearchName(name.firstName, name.lastName),
            phone: row.parentPhone,
            email: null,
            consents: JSON.stringify(['register']),
          }),
        );
      }
      const link = await m.findOneBy(ChildGuardian, {
        childId: row.childId,
        guardianId: guardian.id,
      });
      if (!link) {
        await m.insert(ChildGuardian, {
          childId: row.childId,
          guardianId: guardian.id,
          relation: input.relation,
        });
      }
      const before = { status: row.status };
      Object.assign(row, {
        status: 'connected',
        connectedOn: input.connectedOn,
        guardianId: guardian.id,
      });
      await m.save(row);
      await log(m, ctx, 'application.connect', 'parent_application', row.id, before, {
        status: row.status,
        connectedOn: row.connectedOn,
        guardianId: guardian.id,
      });
      return applicationSummary(row, await groupLabels(m), date);
    }),
  'applications.refuse': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const row = await m.findOneBy(ParentApplication, { id: input.id });
      if (!row) throw new AppError('NOT_FOUND');
      if (row.status !== 'received') throw new AppError('CONFLICT', 'people.applicationClosed');
      Object.assign(row, { status: 'refused', refusalReason: input.reason });
      await m.save(row);
      await log(
        m,
        ctx,
        'application.refuse',
        'parent_application',
        row.id,
        { status: 'received' },
        {
          status: 'refused',
          reason: input.reason,
        },
      );
      return applicationSummary(row, await groupLabels(m), today(ctx));
    }),
  'applications.pdf': async (input, ctx) => applicationPdf(ctx, input.id),

  /* ---------- import ---------- */
  'import.preview': async (input, ctx) => previewImport(ctx, input),
  'import.confirm': async (input, ctx) => confirmImport(ctx, input),
} satisfies Partial<HandlerMap>;
