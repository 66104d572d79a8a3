import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { EntryKind, EntryRow } from '../../../common/contract/journals';
import { AppError } from '../../../common/errors';
import { maySendToParents } from '../../../common/journal-rules';
import { IndividualWorkChild, IndividualWorkEntry } from '../../../database/entities/journals';
import { Child } from '../../../database/entities/people';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';
import { cancelNote, noteStates, queueNote } from '../mail/notes';
import { userNames } from '../users/names';
import {
  assertReach,
  assertWritable,
  entryDay,
  fieldError,
  personName,
  writableIds,
} from './children';

/** The individual work journal (the rules' 3.6, 3.7): entries about one or more children. */

type EntryInput = ParsedInput<'journals.saveEntry'>;

/** Each entry with its children in the author's order: one query for the whole batch. */
async function withChildren(m: EntityManager, entries: IndividualWorkEntry[]) {
  const links = entries.length
    ? await m.find(IndividualWorkChild, {
        where: { entryId: In(entries.map((e) => e.id)) },
        order: { position: 'ASC' },
      })
    : [];
  return entries.map((e) => ({
    entry: e,
    id: e.id,
    authorId: e.authorId,
    date: e.date,
    childIds: links.filter((l) => l.entryId === e.id).map((l) => l.childId),
  }));
}

/** The rows she may read, as the list shows them; canEdit from the table's write scope. */
export async function entryRows(
  m: EntityManager,
  ctx: Context,
  entries: IndividualWorkEntry[],
): Promise<EntryRow[]> {
  const visible = await ctx
    .access()
    .filterRows(m, 'individualWork', 'read', await withChildren(m, entries));
  if (!visible.length) return [];
  const editable = await writableIds(m, ctx, 'individualWork', visible);
  const childIds = [...new Set(visible.flatMap((v) => v.childIds))];
  const children = new Map((await m.findBy(Child, { id: In(childIds) })).map((c) => [c.id, c]));
  const sending = await noteStates(
    m,
    visible.filter((v) => v.entry.sendStatus !== null).map((v) => v.id),
  );
  const names = await userNames(m, [
    ...visible.map((v) => v.entry.authorId),
    ...visible.map((v) => v.entry.onBehalfOf),
  ]);
  return visible.map(({ entry: e, childIds: ids }) => ({
    id: e.id,
    date: e.date,
    kind: e.kind as EntryKind,
    content: e.content,
    durationMinutes: e.durationMinutes,
    children: ids.map((id) => {
      const c = children.get(id);
      return { id, name: c ? personName(c) : '' };
    }),
    sendToParents: e.sendStatus !== null,
    // Ticked before the register had mail, and not saved since: still waiting.
    sendStatus: e.sendStatus === null ? null : (sending.get(e.id)?.status ?? 'waiting'),
    sentAt: sending.get(e.id)?.at ?? null,
    sendError: sending.get(e.id)?.error ?? null,
    authorId: e.authorId,
    authorName: names.get(e.authorId) ?? '',
    onBehalfOfName: e.onBehalfOf === null ? null : (names.get(e.onBehalfOf) ?? null),
    late: e.late,
    canEdit: editable.has(e.id),
    createdAt: e.createdAt,
  }));
}

async function snapshot(m: EntityManager, entry: IndividualWorkEntry) {
  const [{ entry: e, childIds }] = await withChildren(m, [entry]);
  return { ...e, childIds };
}

/** The stored entry she may change, with its children; NOT_FOUND or FORBIDDEN otherwise. */
async function writableEntry(m: EntityManager, ctx: Context, id: number) {
  const entry = await m.findOneBy(IndividualWorkEntry, { id });
  if (!entry) throw new AppError('NOT_FOUND', 'journals.entryNotFound');
  const before = await snapshot(m, entry);
  await assertWritable(m, ctx, 'individualWork', before);
  return before;
}

async function childNames(m: EntityManager, ids: number[]): Promise<Map<number, string>> {
  const children = await m.findBy(Child, { id: In(ids) });
  return new Map(children.map((c) => [c.id, personName(c)]));
}

/** The entries of a period she may read, for a print (a print's period is at most a year). */
export async function inPeriod(ctx: Context, from: string, to: string): Promise<EntryRow[]> {
  const m = ctx.db.manager;
  const rows = await m
    .createQueryBuilder(IndividualWorkEntry, 'e')
    .where('e.date >= :from AND e.date <= :to', { from, to })
    .orderBy('e.date', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .getMany();
  return entryRows(m, ctx, rows);
}

export async function save(ctx: Context, input: EntryInput): Promise<EntryRow> {
  const now = ctx.now();
  let queued = false;
  const id = await ctx.db.transaction(async (m) => {
    const before = input.id ? await writableEntry(m, ctx, input.id) : undefined;
    if (input.sendToParents && !maySendToParents(ctx.user.role)) {
      throw fieldError(ctx, 'sendToParents', 'journals.sendTeachersOnly');
    }
    const late = entryDay(ctx, input.date, before);
    const groups = await assertReach(m, ctx, 'individualWork', 'childIds', input.date, [
      ...input.childIds,
    ]);
    // A substitute writes in the absent teacher's name; the first child's group decides.
    const onBehalfOf = await ctx.access().onBehalfOf(m, groups[0], input.date);
    const values = {
      date: input.date,
      kind: input.kind,
      content: input.content,
      durationMinutes: input.durationMinutes,
      onBehalfOf,
      late,
      sendStatus: input.sendToParents ? (before?.sendStatus ?? 'waiting') : null,
      updatedAt: now.toISOString(),
    };
    let entryId: number;
    if (before) {
      await m.update(IndividualWorkEntry, { id: before.id }, values);
      await m.delete(IndividualWorkChild, { entryId: before.id });
      entryId = before.id;
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
    const after = await snapshot(m, await m.findOneByOrFail(IndividualWorkEntry, { id: entryId }));
    // "Nosūtīt vecākiem" goes out through the outbox; unticked, what has not gone stays.
    if (input.sendToParents) {
      const names = await childNames(m, input.childIds);
      queued = await queueNote(m, ctx, { ...input, id: entryId, childNames: names });
    } else if (before?.sendStatus) await cancelNote(m, entryId);
    await audit(m, now, {
      action: before ? 'journals.entry.update' : 'journals.entry.create',
      actorId: ctx.user.id,
      onBehalfOfId: onBehalfOf,
      entity: 'individual_work_entry',
      entityId: entryId,
      childIds: [...new Set([...(before?.childIds ?? []), ...input.childIds])],
      ...(before ? changedFields(before, after, ['date']) : { after }),
    });
    return entryId;
  });
  if (queued) ctx.state.wakeOutbox();
  const m = ctx.db.manager;
  const [row] = await entryRows(m, ctx, [await m.findOneByOrFail(IndividualWorkEntry, { id })]);
  return row;
}

export async function remove(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const before = await writableEntry(m, ctx, id);
    await cancelNote(m, id);
    await m.delete(IndividualWorkChild, { entryId: id });
    await m.delete(IndividualWorkEntry, { id });
    await audit(m, ctx.now(), {
      action: 'journals.entry.delete',
      actorId: ctx.user.id,
      onBehalfOfId: before.onBehalfOf,
      entity: 'individual_work_entry',
      entityId: id,
      childIds: before.childIds,
      before,
    });
  });
}
