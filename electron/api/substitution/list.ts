import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type {
  SubstitutionPage,
  SubstitutionRow,
  SubstitutionStatus,
} from '../../../common/contract/substitution';
import { addDays } from '../../../common/dates';
import { AuditEvent } from '../../../database/entities';
import { Substitution } from '../../../database/entities/substitution';
import type { ScopedRow } from '../access/scope';
import { scopeCondition } from '../access/sql';
import type { Context } from '../context';
import { count, groupChoices, schoolYear, yearPage } from '../lists';
import { groupLabels } from '../people/shared';
import { userNames } from '../users/names';

/** The list of substitutions and what each substitute entered on the absent teacher's behalf. */

/** A substitution as the access scope sees it: her own when she is one of its two teachers. */
export const scoped = (s: {
  fromDate: string;
  groupId: number;
  substituteId: number;
  absentId: number;
}) =>
  ({
    date: s.fromDate,
    groupId: s.groupId,
    participantIds: [s.substituteId, s.absentId],
  }) satisfies ScopedRow;

function statusOn(s: Substitution, day: string): SubstitutionStatus {
  if (s.fromDate > day) return 'planned';
  return s.toDate < day ? 'ended' : 'active';
}

const rigaHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Riga',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The UTC instant (ISO) of midnight in Riga at the start of `date`. */
function rigaMidnight(date: string): string {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const offset = Number(rigaHour.format(utcMidnight)); // 2 in winter, 3 in summer
  return new Date(utcMidnight.getTime() - offset * 3600_000).toISOString();
}

/**
 * The period of a substitution as instants: the audit's `at` from the first day's midnight in
 * Riga up to (not including) the midnight after the last day.
 */
export const instants = (s: Substitution): [string, string] => [
  rigaMidnight(s.fromDate),
  rigaMidnight(addDays(s.toDate, 1)),
];

/** The audit events the substitute wrote on the absent teacher's behalf during the period. */
export async function entryEvents(m: EntityManager, s: Substitution): Promise<AuditEvent[]> {
  const [from, to] = instants(s);
  return m
    .createQueryBuilder(AuditEvent, 'a')
    .where('a.onBehalfOfId = :absent AND a.actorId = :substitute', {
      absent: s.absentId,
      substitute: s.substituteId,
    })
    .andWhere('a.at >= :from AND a.at < :to', { from, to })
    .orderBy('a.id', 'ASC')
    .getMany();
}

/** How many entries each substitution's substitute made: one query for the whole page. */
async function entryCounts(m: EntityManager, list: Substitution[]): Promise<Map<number, number>> {
  if (!list.length) return new Map();
  const parts = list.map(
    () =>
      'SELECT ? AS id, COUNT(*) AS n FROM audit_event a ' +
      'WHERE a.on_behalf_of_id = ? AND a.actor_id = ? AND a.at >= ? AND a.at < ?',
  );
  const counted = await m.query<{ id: number; n: number }[]>(
    parts.join(' UNION ALL '),
    list.flatMap((s) => [s.id, s.absentId, s.substituteId, ...instants(s)]),
  );
  return new Map(counted.map((r) => [Number(r.id), Number(r.n)]));
}

export async function rows(
  ctx: Context,
  m: EntityManager,
  list: Substitution[],
): Promise<SubstitutionRow[]> {
  const names = await userNames(
    m,
    list.flatMap((s) => [s.substituteId, s.absentId, s.createdBy]),
  );
  const labels = await groupLabels(m);
  const counts = await entryCounts(m, list);
  const day = ctx.today();
  return list.map((s): SubstitutionRow => ({
    id: s.id,
    group: { id: s.groupId, label: labels.get(s.groupId) ?? '' },
    substitute: { id: s.substituteId, name: names.get(s.substituteId) ?? '' },
    absent: { id: s.absentId, name: names.get(s.absentId) ?? '' },
    fromDate: s.fromDate,
    toDate: s.toDate,
    note: s.note,
    status: statusOn(s, day),
    createdByName: names.get(s.createdBy) ?? '',
    entryCount: counts.get(s.id) ?? 0,
  }));
}

/**
 * The substitutions she may read (the table: managers all, a teacher those she is part of)
 * that touch a school year, newest first, filtered by group and by teacher (either side), a
 * page of them.
 */
export async function list(
  ctx: Context,
  input: ParsedInput<'substitution.list'>,
): Promise<SubstitutionPage> {
  const m = ctx.db.manager;
  const year = await schoolYear(m, ctx, input.schoolYear);
  const scope = await scopeCondition(m, ctx.access(), 'substitutions', 'read', {
    date: 's.from_date',
    group: 's.group_id',
    participants: ['s.substitute_id', 's.absent_id'],
  });
  const where = ['s.from_date <= ?', 's.to_date >= ?', scope.sql];
  const params: unknown[] = [year.to, year.from, ...scope.params];
  const yearRows = { sql: `FROM substitution s WHERE ${where.join(' AND ')}`, params: [...params] };
  if (input.groupId !== undefined) {
    where.push('s.group_id = ?');
    params.push(input.groupId);
  }
  if (input.teacherId !== undefined) {
    where.push('(s.substitute_id = ? OR s.absent_id = ?)');
    params.push(input.teacherId, input.teacherId);
  }
  const filter = `FROM substitution s WHERE ${where.join(' AND ')}`;
  const [ids, total] = await Promise.all([
    m.query<{ id: number }[]>(
      `SELECT s.id ${filter} ORDER BY s.from_date DESC, s.id DESC LIMIT ? OFFSET ?`,
      [...params, input.limit, input.offset],
    ),
    count(m, `SELECT COUNT(*) AS n ${filter}`, params),
  ]);
  const found = ids.length
    ? await m
        .createQueryBuilder(Substitution, 's')
        .whereInIds(ids.map((r) => r.id))
        .orderBy('s.fromDate', 'DESC')
        .addOrderBy('s.id', 'DESC')
        .getMany()
    : [];
  const [groupIds, people] = await Promise.all([
    m.query<{ id: number }[]>(`SELECT DISTINCT s.group_id AS id ${yearRows.sql}`, yearRows.params),
    m.query<{ id: number }[]>(
      `SELECT s.substitute_id AS id ${yearRows.sql} UNION SELECT s.absent_id ${yearRows.sql}`,
      [...yearRows.params, ...yearRows.params],
    ),
  ]);
  const names = await userNames(
    m,
    people.map((p) => p.id),
  );
  return {
    ...(await yearPage(m, year, await rows(ctx, m, found), total)),
    groups: groupIds.length
      ? await groupChoices(
          m,
          year.from,
          year.to,
          groupIds.map((g) => g.id),
        )
      : [],
    teachers: [...names]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'lv')),
  };
}
