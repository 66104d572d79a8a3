import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { Page } from '../../../common/contract/paging';
import type { DiaryKind, DiaryRow } from '../../../common/contract/supervision';
import { monthBounds } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { isLateEntry } from '../../../common/journal-rules';
import { DiaryEntry } from '../../../database/entities/supervision';
import { scopeCondition } from '../access/sql';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';
import { count, page } from '../lists';
import { userNames } from '../users/names';
import { assertNotFuture, assertWritable, writableIds } from './authored';

/** The deputy head's diary (the rules' 3.8), read by the head. */

export async function diaryRows(m: EntityManager, ctx: Context, entries: DiaryEntry[]) {
  const names = await userNames(
    m,
    entries.map((e) => e.authorId),
  );
  const editable = await writableIds(m, ctx, 'diary', entries);
  return entries.map((e): DiaryRow => ({
    id: e.id,
    date: e.date,
    kind: e.kind as DiaryKind,
    participants: e.participants,
    content: e.content,
    late: e.late,
    authorId: e.authorId,
    authorName: names.get(e.authorId) ?? '',
    createdAt: e.createdAt,
    canEdit: editable.has(e.id),
  }));
}

/** A month's entries she may read (the current month by default), newest first, a page. */
export async function list(
  ctx: Context,
  input: ParsedInput<'supervision.diary'>,
): Promise<Page<DiaryRow>> {
  const m = ctx.db.manager;
  const [from, to] = monthBounds(input.month ?? ctx.today().slice(0, 7));
  const scope = await scopeCondition(m, ctx.access(), 'diary', 'read', {
    date: 'e.date',
    author: 'e.author_id',
  });
  const filter = `FROM diary_entry e WHERE e.date >= ? AND e.date <= ? AND ${scope.sql}`;
  const params = [from, to, ...scope.params];
  const [ids, total] = await Promise.all([
    m.query<{ id: number }[]>(
      `SELECT e.id ${filter} ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`,
      [...params, input.limit, input.offset],
    ),
    count(m, `SELECT COUNT(*) AS n ${filter}`, params),
  ]);
  const found = ids.length
    ? await m.find(DiaryEntry, {
        where: { id: In(ids.map((r) => r.id)) },
        order: { date: 'DESC', id: 'DESC' },
      })
    : [];
  return page(await diaryRows(m, ctx, found), total);
}

async function ownEntry(m: EntityManager, ctx: Context, id: number): Promise<DiaryEntry> {
  const entry = await m.findOneBy(DiaryEntry, { id });
  if (!entry) throw new AppError('NOT_FOUND');
  await assertWritable(m, ctx, 'diary', entry);
  return entry;
}

export async function save(
  ctx: Context,
  input: ParsedInput<'supervision.diarySave'>,
): Promise<DiaryRow> {
  assertNotFuture(ctx, input.date);
  return ctx.db.transaction(async (m) => {
    const at = ctx.now().toISOString();
    const { id, ...fields } = input;
    let saved: DiaryEntry;
    let before: DiaryEntry | undefined;
    if (id !== undefined) {
      before = await ownEntry(m, ctx, id);
      // Late is decided when the entry's day is set: editing the text later does not change it.
      const late = isLateEntry(fields.date, ctx.today(), before);
      await m.update(DiaryEntry, { id }, { ...fields, late, updatedAt: at });
      saved = { ...before, ...fields, late, updatedAt: at };
    } else {
      // A new entry is hers.
      await assertWritable(m, ctx, 'diary', { date: fields.date, authorId: ctx.user.id });
      saved = await m.save(
        m.create(DiaryEntry, {
          ...fields,
          late: isLateEntry(fields.date, ctx.today()),
          authorId: ctx.user.id,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    await audit(m, ctx.now(), {
      action: before ? 'supervision.diary.update' : 'supervision.diary.create',
      actorId: ctx.user.id,
      entity: 'diary_entry',
      entityId: saved.id,
      ...(before ? changedFields(before, saved, ['date']) : { after: saved }),
    });
    return (await diaryRows(m, ctx, [saved]))[0];
  });
}

export async function remove(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const before = await ownEntry(m, ctx, id);
    await m.delete(DiaryEntry, { id });
    await audit(m, ctx.now(), {
      action: 'supervision.diary.delete',
      actorId: ctx.user.id,
      entity: 'diary_entry',
      entityId: id,
      before,
    });
  });
}
