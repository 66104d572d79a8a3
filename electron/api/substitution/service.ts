import { auditActionLabel, type AuditAction } from '../../../common/audit-actions';
import { addDays, dmy } from '../../../common/dates';
import type { ParsedInput } from '../../../common/contract';
import type {
  SubstitutionEntry,
  SubstitutionOptions,
  SubstitutionRow,
} from '../../../common/contract/substitution';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import { AuditEvent, User } from '../../../database/entities';
import { Group, GroupTeacher } from '../../../database/entities/people';
import { Substitution } from '../../../database/entities/substitution';
import type { ScopedRow } from '../access/scope';
import { audit, cellsOf } from '../audit/audit';
import type { Context } from '../context';
import { groupLabel } from '../people/shared';
import { userNames } from '../users/names';
import { byline } from './byline';
import { entryEvents, rows } from './list';

/** A substitution as the access scope sees it: her own when she is one of its two teachers. */
const scoped = (s: { fromDate: string; groupId: number; substituteId: number; absentId: number }) =>
  ({
    date: s.fromDate,
    groupId: s.groupId,
    participantIds: [s.substituteId, s.absentId],
  }) satisfies ScopedRow;

/** A refusal shown next to one field of the form. */
function fieldError(ctx: Context, field: string, key: string, params = {}): AppError {
  return new AppError(
    'VALIDATION',
    'error.VALIDATION',
    {},
    {
      [field]: message(ctx.state.locale, key, params),
    },
  );
}

/** Events that record a batch of cells (electron/api/audit/audit.ts cellChanges). */
const CELL_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'attendance.mark.save',
  'attendance.mark.correct',
  'assessment.mark.save',
]);

export async function options(
  ctx: Context,
  fromDate: string,
  toDate: string,
): Promise<SubstitutionOptions> {
  const m = ctx.db.manager;
  const groups = await m
    .createQueryBuilder(Group, 'g')
    .where('g.activeFrom <= :toDate AND g.activeTo >= :fromDate', { fromDate, toDate })
    .getMany();
  const assignments = await m
    .createQueryBuilder(GroupTeacher, 't')
    .where('t.fromDate <= :toDate AND (t.toDate IS NULL OR t.toDate >= :fromDate)', {
      fromDate,
      toDate,
    })
    .getMany();
  const teachers = await m.find(User, { where: { role: 'teacher', active: true } });
  const names = new Map(teachers.map((t) => [t.id, t.fullName]));
  const byName = (a: { name: string }, b: { name: string }) => compareLv(a.name, b.name);
  return {
    groups: groups
      .sort((a, b) => (a.number ?? 999) - (b.number ?? 999) || compareLv(a.name, b.name))
      .map((g) => ({
        id: g.id,
        label: groupLabel(g),
        teachers: [...new Set(assignments.filter((a) => a.groupId === g.id).map((a) => a.userId))]
          .filter((userId) => names.has(userId))
          .map((userId) => ({ id: userId, name: names.get(userId)! }))
          .sort(byName),
      })),
    teachers: teachers.map((t) => ({ id: t.id, name: t.fullName })).sort(byName),
  };
}

export async function create(
  ctx: Context,
  input: ParsedInput<'substitution.create'>,
): Promise<SubstitutionRow> {
  return ctx.db.transaction(async (m) => {
    await ctx.access().assertRow(m, 'substitutions', 'write', scoped(input));
    const group = await m.findOneBy(Group, { id: input.groupId });
    if (!group) throw new AppError('NOT_FOUND');
    // Who is recorded, not who may record: only an active teacher can stand in for one.
    const substitute = await m.findOneBy(User, { id: input.substituteId });
    if (!substitute || substitute.role !== 'teacher' || !substitute.active) {
      throw fieldError(ctx, 'substituteId', 'substitution.notTeacher');
    }
    const absentWorksThere = await m
      .createQueryBuilder(GroupTeacher, 't')
      .where('t.groupId = :groupId AND t.userId = :userId', {
        groupId: input.groupId,
        userId: input.absentId,
      })
      .andWhere('t.fromDate <= :toDate AND (t.toDate IS NULL OR t.toDate >= :fromDate)', input)
      .getExists();
    if (!absentWorksThere) throw fieldError(ctx, 'absentId', 'substitution.absentNotInGroup');
    const overlapping = await m
      .createQueryBuilder(Substitution, 's')
      .where('s.groupId = :groupId AND s.absentId = :absentId', input)
      .andWhere('s.fromDate <= :toDate AND s.toDate >= :fromDate', input)
      .getOne();
    if (overlapping) {
      const names = await userNames(m, [overlapping.substituteId]);
      throw fieldError(ctx, 'fromDate', 'substitution.overlap', {
        from: dmy(overlapping.fromDate),
        to: dmy(overlapping.toDate),
        name: names.get(overlapping.substituteId) ?? '',
      });
    }
    const row = {
      groupId: input.groupId,
      substituteId: input.substituteId,
      absentId: input.absentId,
      fromDate: input.fromDate,
      toDate: input.toDate,
      note: input.note,
      createdAt: ctx.now().toISOString(),
      createdBy: ctx.user.id,
    };
    const { identifiers } = await m.insert(Substitution, row);
    const id = Number(identifiers[0].id);
    await audit(m, ctx.now(), {
      action: 'substitution.period.create',
      actorId: ctx.user.id,
      entity: 'substitution',
      entityId: id,
      groupId: row.groupId,
      after: row,
    });
    return (await rows(ctx, m, [await m.findOneByOrFail(Substitution, { id })]))[0];
  });
}

export async function end(ctx: Context, id: number): Promise<{ removed: boolean }> {
  return ctx.db.transaction(async (m) => {
    const s = await m.findOneBy(Substitution, { id });
    if (!s) throw new AppError('NOT_FOUND');
    await ctx.access().assertRow(m, 'substitutions', 'write', scoped(s));
    const day = ctx.today();
    if (s.toDate < day) throw new AppError('CONFLICT', 'substitution.alreadyEnded');
    const removed = s.fromDate >= day;
    const before = { ...s };
    if (removed) await m.delete(Substitution, { id });
    else await m.update(Substitution, { id }, { toDate: addDays(day, -1) });
    await audit(m, ctx.now(), {
      action: removed ? 'substitution.period.remove' : 'substitution.period.end',
      actorId: ctx.user.id,
      entity: 'substitution',
      entityId: id,
      groupId: s.groupId,
      before,
    });
    return { removed };
  });
}

const parse = (text: string | null): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

/** "03.12.2026" for a day's record, "3 izmaiņas (01.12.–03.12.2026)" for a batch of cells. */
function summaryOf(ctx: Context, event: AuditEvent): string {
  const after = parse(event.after);
  const locale = ctx.state.locale;
  if (CELL_ACTIONS.has(event.action)) {
    const cells = cellsOf(parse(event.before), after);
    const dates = cells
      .map((c) => c.key)
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort();
    const count = message(locale, 'substitution.changes', { count: cells.length });
    if (dates.length === 0) return count;
    const first = dmy(dates[0]);
    const last = dmy(dates[dates.length - 1]);
    return `${count} (${first === last ? first : `${first}–${last}`})`;
  }
  if (after && typeof after === 'object') {
    const record = after as { date?: unknown; title?: unknown };
    if (typeof record.title === 'string') return record.title;
    if (typeof record.date === 'string') return dmy(record.date);
  }
  return '';
}

export async function entries(ctx: Context, id: number): Promise<SubstitutionEntry[]> {
  const m = ctx.db.manager;
  const s = await m.findOneBy(Substitution, { id });
  if (!s) throw new AppError('NOT_FOUND');
  // A teacher sees the entries of substitutions she was part of, on either side.
  await ctx.access().assertRow(m, 'substitutions', 'read', scoped(s));
  const events = await entryEvents(m, s);
  const names = await userNames(m, [s.substituteId, s.absentId]);
  return events.map((e) => ({
    at: e.at,
    byName: byline(ctx.state.locale, names, s.substituteId, s.absentId),
    action: auditActionLabel(e.action, ctx.state.locale),
    summary: summaryOf(ctx, e),
  }));
}
