import type { EntityManager } from 'typeorm';
import { dmy } from '../../../common/dates';
import type { ParsedInput } from '../../../common/contract';
import type {
  SubstitutionEntry,
  SubstitutionOptions,
  SubstitutionRow,
  SubstitutionStatus,
} from '../../../common/contract/substitution';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import { AuditEvent, User } from '../../../database/entities';
import { Group, GroupTeacher } from '../../../database/entities/people';
import { Substitution } from '../../../database/entities/substitution';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import type { Context } from '../context';
import { groupLabel, groupLabels } from '../people/shared';
import { userNames } from '../users/names';
import { byline } from './byline';

const today = (ctx: Context) => rigaDate(ctx.now());
const isManager = (ctx: Context) => ctx.user.role === 'head' || ctx.user.role === 'deputy';

function statusOn(s: Substitution, day: string): SubstitutionStatus {
  if (s.fromDate > day) return 'planned';
  return s.toDate < day ? 'ended' : 'active';
}

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

/** The audit events the substitute wrote on the absent teacher's behalf during the period. */
async function entryEvents(m: EntityManager, s: Substitution): Promise<AuditEvent[]> {
  const events = await m
    .createQueryBuilder(AuditEvent, 'a')
    .where('a.onBehalfOfId = :absent AND a.actorId = :substitute', {
      absent: s.absentId,
      substitute: s.substituteId,
    })
    .orderBy('a.id', 'ASC')
    .getMany();
  return events.filter((e) => {
    const day = rigaDate(new Date(e.at));
    return day >= s.fromDate && day <= s.toDate;
  });
}

async function rows(ctx: Context, m: EntityManager, list: Substitution[]) {
  const names = await userNames(
    m,
    list.flatMap((s) => [s.substituteId, s.absentId, s.createdBy]),
  );
  const labels = await groupLabels(m);
  const day = today(ctx);
  const out: SubstitutionRow[] = [];
  for (const s of list) {
    out.push({
      id: s.id,
      group: { id: s.groupId, label: labels.get(s.groupId) ?? '' },
      substitute: { id: s.substituteId, name: names.get(s.substituteId) ?? '' },
      absent: { id: s.absentId, name: names.get(s.absentId) ?? '' },
      fromDate: s.fromDate,
      toDate: s.toDate,
      note: s.note,
      status: statusOn(s, day),
      createdByName: names.get(s.createdBy) ?? '',
      entryCount: (await entryEvents(m, s)).length,
    });
  }
  return out;
}

export async function list(ctx: Context): Promise<SubstitutionRow[]> {
  const m = ctx.db.manager;
  const where = isManager(ctx) ? {} : [{ substituteId: ctx.user.id }, { absentId: ctx.user.id }];
  const found = await m.find(Substitution, { where, order: { fromDate: 'DESC', id: 'DESC' } });
  return rows(ctx, m, found);
}

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
    const group = await m.findOneBy(Group, { id: input.groupId });
    if (!group) throw new AppError('NOT_FOUND');
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
      action: 'substitution.create',
      actorId: ctx.user.id,
      entity: 'substitution',
      entityId: id,
      after: row,
    });
    return (await rows(ctx, m, [await m.findOneByOrFail(Substitution, { id })]))[0];
  });
}

export async function end(ctx: Context, id: number): Promise<{ removed: boolean }> {
  return ctx.db.transaction(async (m) => {
    const s = await m.findOneBy(Substitution, { id });
    if (!s) throw new AppError('NOT_FOUND');
    const day = today(ctx);
    if (s.toDate < day) throw new AppError('CONFLICT', 'substitution.alreadyEnded');
    const removed = s.fromDate >= day;
    const before = { ...s };
    if (removed) await m.delete(Substitution, { id });
    else {
      const yesterday = new Date(`${day}T12:00:00Z`);
      yesterday.setUTCDate(yesterday.getUTCDate() - 1);
      await m.update(Substitution, { id }, { toDate: yesterday.toISOString().slice(0, 10) });
    }
    await audit(m, ctx.now(), {
      action: removed ? 'substitution.remove' : 'substitution.end',
      actorId: ctx.user.id,
      entity: 'substitution',
      entityId: id,
      before,
    });
    return { removed };
  });
}

/** "03.12.2026" for a day's record, "3 izmaiņas (01.12.–03.12.2026)" for a batch of cells. */
function summaryOf(ctx: Context, event: AuditEvent): string {
  let after: unknown = null;
  try {
    after = event.after ? JSON.parse(event.after) : null;
  } catch {
    after = null;
  }
  const locale = ctx.state.locale;
  if (Array.isArray(after)) {
    const dates = after
      .map((c: { date?: unknown }) => (typeof c.date === 'string' ? c.date : null))
      .filter((d): d is string => d !== null)
      .sort();
    const count = message(locale, 'substitution.changes', { count: after.length });
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
  if (!isManager(ctx) && ctx.user.id !== s.absentId && ctx.user.id !== s.substituteId) {
    throw new AppError('FORBIDDEN');
  }
  const events = await entryEvents(m, s);
  const names = await userNames(m, [s.substituteId, s.absentId]);
  return events.map((e) => ({
    at: e.at,
    byName: byline(ctx.state.locale, names, s.substituteId, s.absentId),
    action: message(ctx.state.locale, `substitution.action.${e.action}`),
    summary: summaryOf(ctx, e),
  }));
}
