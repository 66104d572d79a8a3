import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { TalkRow, TalkSubject } from '../../../common/contract/journals';
import { AppError } from '../../../common/errors';
import { compareLv } from '../../../common/text';
import { ParentTalk, ParentTalkGuardian } from '../../../database/entities/journals';
import { Child, ChildGuardian, Guardian } from '../../../database/entities/people';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';
import { userNames } from '../users/names';
import {
  assertReach,
  assertWritable,
  entryDay,
  fieldError,
  personName,
  writableIds,
} from './children';

/** Individual talks with a child's parents (the rules' 3.10). */

type TalkInput = ParsedInput<'journals.saveTalk'>;

const scoped = (t: ParentTalk) => ({
  talk: t,
  id: t.id,
  authorId: t.authorId,
  date: t.date,
  childIds: [t.childId],
});

/** The talks she may read, as the list shows them; canEdit from the table's write scope. */
export async function talkRows(
  m: EntityManager,
  ctx: Context,
  talks: ParentTalk[],
): Promise<TalkRow[]> {
  const visible = await ctx.access().filterRows(m, 'talks', 'read', talks.map(scoped));
  if (!visible.length) return [];
  const editable = await writableIds(m, ctx, 'talks', visible);
  const links = await m.findBy(ParentTalkGuardian, { talkId: In(visible.map((v) => v.id)) });
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
      canEdit: editable.has(t.id),
      createdAt: t.createdAt,
    };
  });
}

async function snapshot(m: EntityManager, talk: ParentTalk) {
  const links = await m.findBy(ParentTalkGuardian, { talkId: talk.id });
  return { ...talk, guardianIds: links.map((l) => l.guardianId).sort((a, b) => a - b) };
}

/** The stored talk she may change; NOT_FOUND or FORBIDDEN otherwise. */
async function writableTalk(m: EntityManager, ctx: Context, id: number): Promise<ParentTalk> {
  const talk = await m.findOneBy(ParentTalk, { id });
  if (!talk) throw new AppError('NOT_FOUND', 'journals.talkNotFound');
  await assertWritable(m, ctx, 'talks', scoped(talk));
  return talk;
}

/** Only guardians linked to the child take part in a talk about the child. */
async function assertGuardians(
  m: EntityManager,
  ctx: Context,
  childId: number,
  guardianIds: number[],
): Promise<void> {
  const linked = new Set((await m.findBy(ChildGuardian, { childId })).map((l) => l.guardianId));
  const stranger = guardianIds.find((id) => !linked.has(id));
  if (stranger === undefined) return;
  const g = await m.findOneBy(Guardian, { id: stranger });
  throw fieldError(ctx, 'guardianIds', 'journals.guardianNotLinked', {
    name: g ? personName(g) : `#${stranger}`,
  });
}

/** The talks of a period she may read, for a print (a print's period is at most a year). */
export async function inPeriod(ctx: Context, from: string, to: string): Promise<TalkRow[]> {
  const m = ctx.db.manager;
  const rows = await m
    .createQueryBuilder(ParentTalk, 't')
    .where('t.date >= :from AND t.date <= :to', { from, to })
    .orderBy('t.date', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .getMany();
  return talkRows(m, ctx, rows);
}

export async function save(ctx: Context, input: TalkInput): Promise<TalkRow> {
  const now = ctx.now();
  const id = await ctx.db.transaction(async (m) => {
    const existing = input.id ? await writableTalk(m, ctx, input.id) : null;
    const late = entryDay(ctx, input.date, existing);
    const [groupId] = await assertReach(m, ctx, 'talks', 'childId', input.date, [input.childId]);
    await assertGuardians(m, ctx, input.childId, input.guardianIds);
    const onBehalfOf = await ctx.access().onBehalfOf(m, groupId, input.date);
    const before = existing ? await snapshot(m, existing) : undefined;
    const values = {
      date: input.date,
      childId: input.childId,
      subject: input.subject,
      content: input.content,
      agreed: input.agreed,
      onBehalfOf,
      late,
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
    const after = await snapshot(m, await m.findOneByOrFail(ParentTalk, { id: talkId }));
    await audit(m, now, {
      action: existing ? 'journals.talk.update' : 'journals.talk.create',
      actorId: ctx.user.id,
      onBehalfOfId: onBehalfOf,
      entity: 'parent_talk',
      entityId: talkId,
      childIds: [...new Set([existing?.childId ?? input.childId, input.childId])],
      ...(before ? changedFields(before, after, ['date']) : { after }),
    });
    return talkId;
  });
  const m = ctx.db.manager;
  const [row] = await talkRows(m, ctx, [await m.findOneByOrFail(ParentTalk, { id })]);
  return row;
}

export async function remove(ctx: Context, id: number): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const talk = await writableTalk(m, ctx, id);
    const before = await snapshot(m, talk);
    await m.delete(ParentTalkGuardian, { talkId: id });
    await m.delete(ParentTalk, { id });
    await audit(m, ctx.now(), {
      action: 'journals.talk.delete',
      actorId: ctx.user.id,
      onBehalfOfId: talk.onBehalfOf,
      entity: 'parent_talk',
      entityId: id,
      childIds: [talk.childId],
      before,
    });
  });
}
