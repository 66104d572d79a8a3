import type { EntityManager } from 'typeorm';
import { In, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { dmy } from '../../../common/dates';
import type { ParsedInput } from '../../../common/contract';
import type {
  EntryKind,
  EntryRow,
  TalkRow,
  TalkSubject,
  WritableChild,
} from '../../../common/contract/journals';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import {
  IndividualWorkChild,
  IndividualWorkEntry,
  ParentTalk,
  ParentTalkGuardian,
} from '../../../database/entities/journals';
import {
  Child,
  ChildGuardian,
  Enrolment,
  Group,
  Guardian,
} from '../../../database/entities/people';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import type { Context } from '../context';
import { substitutedTeacherId, teacherGroupIds } from '../people/access';
import { userNames } from '../users/names';

type EntryInput = ParsedInput<'journals.saveEntry'>;
type TalkInput = ParsedInput<'journals.saveTalk'>;

const today = (ctx: Context) => rigaDate(ctx.now());
const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A refusal of one field, worded here because the message has parameters. */
function fieldError(ctx: Context, field: string, key: string, params = {}): AppError {
  return new AppError(
    'VALIDATION',
    'error.VALIDATION',
    {},
    { [field]: message(ctx.state.locale, key, params) },
  );
}

/** Entries belong to their day: a past day is allowed (flagged late), a future one is not. */
function checkDate(ctx: Context, date: string): { late: boolean } {
  const now = today(ctx);
  if (date > now) throw fieldError(ctx, 'date', 'journals.futureDate', { today: dmy(now) });
  return { late: date < now };
}

const enrolledOn = (e: Enrolment, date: string) =>
  e.fromDate <= date && (e.toDate === null || e.toDate >= date);

/**
 * The children the user may write about on `date`, with the group each is in that day: the
 * groups a teacher works in (her own and those she substitutes in), or every group for the
 * speech therapist.
 */
async function reach(m: EntityManager, ctx: Context, date: string): Promise<Map<number, number>> {
  const all = ctx.user.role === 'speech';
  const groups = all ? [] : await teacherGroupIds(m, ctx.user.id, date, date, today(ctx));
  const out = new Map<number, number>();
  if (!all && !groups.length) return out;
  const scope = all ? {} : { groupId: In(groups) };
  const enrolments = await m.find(Enrolment, {
    where: [
      { ...scope, fromDate: LessThanOrEqual(date), toDate: IsNull() },
      { ...scope, fromDate: LessThanOrEqual(date), toDate: MoreThanOrEqual(date) },
    ],
    order: { id: 'ASC' },
  });
  for (const e of enrolments) out.set(e.childId, e.groupId);
  return out;
}

/** Throws a field error unless every child is within the user's reach; returns their groups. */
async function assertReach(
  m: EntityManager,
  ctx: Context,
  field: string,
  date: string,
  childIds: number[],
): Promise<number[]> {
  const within = await reach(m, ctx, date);
  const children = new Map((await m.findBy(Child, { id: In(childIds) })).map((c) => [c.id, c]));
  return childIds.map((id) => {
    const child = children.get(id);
    if (!child) throw fieldError(ctx, field, 'journals.childNotFound');
    const groupId = within.get(id);
    if (groupId === undefined) {
      const key =
        ctx.user.role === 'speech' ? 'journals.childNotEnrolled' : 'journals.childOutOfReach';
      throw fieldError(ctx, field, key, { name: personName(child), date: dmy(date) });
    }
    return groupId;
  });
}

export async function writableChildren(ctx: Context, date: string): Promise<WritableChild[]> {
  const m = ctx.db.manager;
  const within = await reach(m, ctx, date);
  const ids = [...within.keys()];
  if (!ids.length) return [];
  const children = await m.findBy(Child, { id: In(ids) });
  const groups = new Map((await m.find(Group)).map((g) => [g.id, g.name]));
  const guardians = new Map<number, WritableChild['guardians']>();
  if (ctx.user.role === 'teacher') {
    const links = await m.findBy(ChildGuardian, { childId: In(ids) });
    const people = links.length
      ? await m.findBy(Guardian, { id: In(links.map((l) => l.guardianId)) })
      : [];
    const byId = new Map(people.map((g) => [g.id, g]));
    for (const link of links) {
      const g = byId.get(link.guardianId);
      if (!g) continue;
      const list = guardians.get(link.childId) ?? [];
      list.push({ id: g.id, name: personName(g), relation: link.relation });
      guardians.set(link.childId, list);
    }
  }
  return children
    .map((c) => {
      const groupId = within.get(c.id) ?? 0;
      return {
        id: c.id,
        name: personName(c),
        groupId,
        groupName: groups.get(groupId) ?? '',
        guardians: (guardians.get(c.id) ?? []).sort((a, b) => compareLv(a.name, b.name)),
        sortKey: `${c.lastName} ${c.firstName}`,
      };
    })
    .sort((a, b) => compareLv(a.sortKey, b.sortKey))
    .map(({ sortKey: _sortKey, ...child }) => child);
}

/* ---------- who reads what ---------- */

/**
 * Filters rows to what the user reads: head and deputy everything; the author her own; a
 * teacher also those about a child who was, on the row's date, in a group she worked in then.
 */
async function readable<T extends { authorId: number; date: string; childIds: number[] }>(
  m: EntityManager,
  ctx: Context,
  rows: T[],
): Promise<T[]> {
  const { role, id: me } = ctx.user;
  if (role === 'head' || role === 'deputy') return rows;
  if (role !== 'teacher') return rows.filter((r) => r.authorId === me);
  const day = today(ctx);
  const childIds = [...new Set(rows.flatMap((r) => r.childIds))];
  const enrolments = childIds.length ? await m.findBy(Enrolment, { childId: In(childIds) }) : [];
  const groupsOn = new Map<string, number[]>();
  const out: T[] = [];
  for (const row of rows) {
    if (row.authorId === me) {
      out.push(row);
      continue;
    }
    let groups = groupsOn.get(row.date);
    if (!groups) {
      groups = await teacherGroupIds(m, me, row.date, row.date, day);
      groupsOn.set(row.date, groups);
    }
    const mine = groups;
    const seen = enrolments.some(
      (e) =>
        row.childIds.includes(e.childId) && enrolledOn(e, row.date) && mine.includes(e.groupId),
    );
    if (seen) out.push(row);
  }
  return out;
}

/* ---------- individual work entries ---------- */

async function entryRows(
  m: EntityManager,
  ctx: Context,
  entries: IndividualWorkEntry[],
): Promise<EntryRow[]> {
  if (!entries.length) return [];
  const links = await m.find(IndividualWorkChild, {
    where: { entryId: In(entries.map((e) => e.id)) },
    order: { position: 'ASC' },
  });
  const children = new Map(
    (await m.findBy(Child, { id: In([...new Set(links.map((l) => l.childId))]) })).map((c) => [
      c.id,
      c,
    ]),
  );
  const names = await userNames(m, [
    ...entries.map((e) => e.authorId),
    ...entries.map((e) => e.onBehalfOf),
  ]);
  const withChildren = entries.map((e) => ({
    entry: e,
    authorId: e.authorId,
    date: e.date,
    childIds: links.filter((l) => l.entryId === e.id).map((l) => l.childId),
  }));
  const visible = await readable(m, ctx, withChildren);
  return visible.map(({ entry: e, childIds }) => ({
    id: e.id,
    date: e.date,
    kind: e.kind as EntryKind,
    content: e.content,
    durationMinutes: e.durationMinutes,
    children: childIds.map((id) => {
      const c = children.get(id);
      return { id, name: c ? personName(c) : '' };
    }),
    sendToParents: e.sendStatus !== null,
    sendStatus: e.sendStatus === 'waiting' ? 'waiting' : null,
    authorId: e.authorId,
    authorName: names.get(e.authorId) ?? '',
    onBehalfOfName: e.onBehalfOf === null ? null : (names.get(e.onBehalfOf) ?? null),
    late: e.late,
    canEdit: e.authorId === ctx.user.id,
    createdAt: e.createdAt,
  }));
}

const newestFirst = { date: 'DESC', id: 'DESC' } as const;

export async function entries(ctx: Context, from: string, to: string): Promise<EntryRow[]> {
  const m = ctx.db.manager;
  const rows = await m
    .createQueryBuilder(IndividualWorkEntry, 'e')
    .where('e.date >= :from AND e.date <= :to', { from, to })
    .orderBy('e.date', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .getMany();
  return entryRows(m, ctx, rows);
}

export async function waiting(ctx: Context): Promise<EntryRow[]> {
  const m = ctx.db.manager;
  const rows = await m.find(IndividualWorkEntry, {
    where: { sendStatus: 'waiting' },
    order: newestFirst,
  });
  return entryRows(m, ctx, rows);
}

/** Only the author edits or deletes what she wrote. */
function assertAuthor(ctx: Context, row: { authorId: number }): void {
  if (row.authorId !== ctx.user.id) throw new AppError('FORBIDDEN', 'journals.notAuthor');
}

async function entrySnapshot(m: EntityManager, entry: IndividualWorkEntry) {
  const links = await m.find(IndividualWorkChild, {
    where: { entryId: entry.id },
    order: { position: 'ASC' },
  });
  return { ...entry, childIds: links.map((l) => l.childId) };
}

export async function saveEntry(ctx: Context, input: EntryInput): Promise<EntryRow> {
  const now = ctx.now();
  const id = await ctx.db.transaction(async (m) => {
    const existing = input.id ? await m.findOneBy(IndividualWorkEntry, { id: input.id }) : null;
    if (input.id && !existing) throw new AppError('NOT_FOUND', 'journals.entryNotFound');
    if (existing) assertAuthor(ctx, existing);
    if (input.sendToParents && ctx.user.role !== 'teacher') {
      throw fieldError(ctx, 'sendToParents', 'journals.sendTeachersOnly');
    }
    const { late } = checkDate(ctx, input.date);
    const groups = await assertReach(m, ctx, 'childIds', input.date, input.childIds);
    // A substitute writes in the absent teacher's name; the first child's group decides.
    const onBehalfOf = await substitutedTeacherId(m, ctx.user.id, groups[0], today(ctx));
    const before = existing ? await entrySnapshot(m, existing) : undefined;
    const values = {
      date: input.date,
      kind: input.kind,
      content: input.content,
      durationMinutes: input.durationMinutes,
      onBehalfOf,
      // An edit keeps the entry's own lateness unless it moves it to another day.
      late: existing && existing.date === input.date ? existing.late : late,
      sendStatus: input.sendToParents ? (existing?.sendStatus ?? 'waiting') : null,
      updatedAt: now.toISOString(),
    };
    let entryId: number;
    if (existing) {
      await m.update(IndividualWorkEntry, { id: existing.id }, values);
      await m.delete(IndividualWorkChild, { entryId: existing.id });
      entryId = existing.id;
    } else {
      const inserted = await m.insert(IndividualWorkEntry, {
        ...values,
        authorId: ctx.user.id,
        createdAt: now.toISOString(),
      });
      entryId = Number(inserted.identifiers[0].id);
    }
    await m.insert(
      IndividualWorkChild,
      input.childIds.map((childId, position) => ({ entryId, childId, position })),
    );
    const after = await entrySnapshot(
      m,
      await m.findOneByOrFail(IndividualWorkEntry, { id: entryId }),
    );
    await audit(m, now, {
      action: existing ? 'journals.entryUpdated' : 'journals.entryCreated',
      actorId: ctx.user.id,
      onBehalfOfId: onBehalfOf,
      entity: 'individual_work_entry',
      entityId: entryId,
      before,
      after,
    });
    return entryId;
  });
  const m = ctx.db.manager;
  const [row] = await entryRows(m, ctx, [await m.findOneByOrFail(IndividualWorkEntry, { id })]);
  return row;
}

export async function deleteEntry(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const entry = await m.findOneBy(IndividualWorkEntry, { id });
    if (!entry) throw new AppError('NOT_FOUND', 'journals.entryNotFound');
    assertAuthor(ctx, entry);
    const before = await entrySnapshot(m, entry);
    await m.delete(IndividualWorkChild, { entryId: id });
    await m.delete(IndividualWorkEntry, { id });
    await audit(m, ctx.now(), {
      action: 'journals.entryDeleted',
      actorId: ctx.user.id,
      onBehalfOfId: entry.onBehalfOf,
      entity: 'individual_work_entry',
      entityId: id,
      before,
    });
  });
}

/* ---------- talks with parents ---------- */

async function talkRows(m: EntityManager, ctx: Context, talks: ParentTalk[]): Promise<TalkRow[]> {
  const visible = await readable(
    m,
    ctx,
    talks.map((t) => ({ talk: t, authorId: t.authorId, date: t.date, childIds: [t.childId] })),
  );
  if (!visible.length) return [];
  const ids = visible.map((v) => v.talk.id);
  const links = await m.findBy(ParentTalkGuardian, { talkId: In(ids) });
  const guardians = links.length
    ? new Map(
        (await m.findBy(Guardian, { id: In(links.map((l) => l.guardianId)) })).map((g) => [
          g.id,
          g,
        ]),
      )
    : new Map<number, Guardian>();
  const children = new Map(
    (await m.findBy(Child, { id: In(visible.map((v) => v.talk.childId)) })).map((c) => [c.id, c]),
  );
  const names = await userNames(m, [
    ...visible.map((v) => v.talk.authorId),
    ...visible.map((v) => v.talk.onBehalfOf),
  ]);
  return visible.map(({ talk: t }) => {
    const child = children.get(t.childId);
    return {
      id: t.id,
      date: t.date,
      childId: t.childId,
      childName: child ? personName(child) : '',
      guardians: links
        .filter((l) => l.talkId === t.id)
        .map((l) => {
          const g = guardians.get(l.guardianId);
          return { id: l.guardianId, name: g ? personName(g) : '' };
        })
        .sort((a, b) => compareLv(a.name, b.name)),
      subject: t.subject as TalkSubject,
      content: t.content,
      agreed: t.agreed,
      authorId: t.authorId,
      authorName: names.get(t.authorId) ?? '',
      onBehalfOfName: t.onBehalfOf === null ? null : (names.get(t.onBehalfOf) ?? null),
      late: t.late,
      canEdit: t.authorId === ctx.user.id,
      createdAt: t.createdAt,
    };
  });
}

export async function talks(ctx: Context, from: string, to: string): Promise<TalkRow[]> {
  const m = ctx.db.manager;
  const rows = await m
    .createQueryBuilder(ParentTalk, 't')
    .where('t.date >= :from AND t.date <= :to', { from, to })
    .orderBy('t.date', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .getMany();
  return talkRows(m, ctx, rows);
}

async function talkSnapshot(m: EntityManager, talk: ParentTalk) {
  const links = await m.findBy(ParentTalkGuardian, { talkId: talk.id });
  return { ...talk, guardianIds: links.map((l) => l.guardianId).sort((a, b) => a - b) };
}

/** Only guardians linked to the child take part in a talk about the child. */
async function assertGuardians(
  m: EntityManager,
  ctx: Context,
  childId: number,
  guardianIds: number[],
): Promise<void> {
  const linked = new Set((await m.findBy(ChildGuardian, { childId })).map((l) => l.guardianId));
  for (const guardianId of guardianIds) {
    if (linked.has(guardianId)) continue;
    const g = await m.findOneBy(Guardian, { id: guardianId });
    throw fieldError(ctx, 'guardianIds', 'journals.guardianNotLinked', {
      name: g ? personName(g) : `#${guardianId}`,
    });
  }
}

export async function saveTalk(ctx: Context, input: TalkInput): Promise<TalkRow> {
  const now = ctx.now();
  const id = await ctx.db.transaction(async (m) => {
    const existing = input.id ? await m.findOneBy(ParentTalk, { id: input.id }) : null;
    if (input.id && !existing) throw new AppError('NOT_FOUND', 'journals.talkNotFound');
    if (existing) assertAuthor(ctx, existing);
    const { late } = checkDate(ctx, input.date);
    const [groupId] = await assertReach(m, ctx, 'childId', input.date, [input.childId]);
    await assertGuardians(m, ctx, input.childId, input.guardianIds);
    const onBehalfOf = await substitutedTeacherId(m, ctx.user.id, groupId, today(ctx));
    const before = existing ? await talkSnapshot(m, existing) : undefined;
    const values = {
      date: input.date,
      childId: input.childId,
      subject: input.subject,
      content: input.content,
      agreed: input.agreed,
      onBehalfOf,
      late: existing && existing.date === input.date ? existing.late : late,
      updatedAt: now.toISOString(),
    };
    let talkId: number;
    if (existing) {
      await m.update(ParentTalk, { id: existing.id }, values);
      await m.delete(ParentTalkGuardian, { talkId: existing.id });
      talkId = existing.id;
    } else {
      const inserted = await m.insert(ParentTalk, {
        ...values,
        authorId: ctx.user.id,
        createdAt: now.toISOString(),
      });
      talkId = Number(inserted.identifiers[0].id);
    }
    await m.insert(
      ParentTalkGuardian,
      input.guardianIds.map((guardianId) => ({ talkId, guardianId })),
    );
    await audit(m, now, {
      action: existing ? 'journals.talkUpdated' : 'journals.talkCreated',
      actorId: ctx.user.id,
      onBehalfOfId: onBehalfOf,
      entity: 'parent_talk',
      entityId: talkId,
      before,
      after: await talkSnapshot(m, await m.findOneByOrFail(ParentTalk, { id: talkId })),
    });
    return talkId;
  });
  const m = ctx.db.manager;
  const [row] = await talkRows(m, ctx, [await m.findOneByOrFail(ParentTalk, { id })]);
  return row;
}

export async function deleteTalk(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const talk = await m.findOneBy(ParentTalk, { id });
    if (!talk) throw new AppError('NOT_FOUND', 'journals.talkNotFound');
    assertAuthor(ctx, talk);
    const before = await talkSnapshot(m, talk);
    await m.delete(ParentTalkGuardian, { talkId: id });
    await m.delete(ParentTalk, { id });
    await audit(m, ctx.now(), {
      action: 'journals.talkDeleted',
      actorId: ctx.user.id,
      onBehalfOfId: talk.onBehalfOf,
      entity: 'parent_talk',
      entityId: id,
      before,
    });
  });
}
