import type { EntityManager } from 'typeorm';
import type { ListOption, Page, YearPage } from '../../common/contract/paging';
import { schoolYearBounds, schoolYearOf } from '../../common/planning-rules';
import type { Context } from './context';
import { groupLabel } from './people/shared';

/**
 * What the paged lists share (common/contract/paging.ts): the school year that bounds them and
 * the page itself. Each list filters, counts and pages in SQL; only the page's rows are loaded.
 */

export interface SchoolYear {
  year: number;
  from: string;
  to: string;
}

async function yearStart(m: EntityManager): Promise<string> {
  const [row] = await m.query<{ start: string | null }[]>(
    'SELECT school_year_start AS start FROM institution WHERE id = 1',
  );
  return row?.start ?? '09-01';
}

/** A school year by the institution's setting; the current one (by today) when not given. */
export async function schoolYear(
  m: EntityManager,
  ctx: Context,
  year?: number,
): Promise<SchoolYear> {
  const start = await yearStart(m);
  const y = year ?? schoolYearOf(ctx.today(), start);
  const [from, to] = schoolYearBounds(y, start);
  return { year: y, from, to };
}

/** The school years that have groups, newest first, with the current one always among them. */
export async function schoolYears(m: EntityManager, current: number): Promise<number[]> {
  const rows = await m.query<{ y: number }[]>(
    'SELECT DISTINCT school_year AS y FROM "group" ORDER BY school_year DESC',
  );
  const years = rows.map((r) => Number(r.y));
  return years.includes(current) ? years : [current, ...years].sort((a, b) => b - a);
}

export function page<T>(rows: T[], total: number): Page<T> {
  return { rows, total };
}

export async function yearPage<T>(
  m: EntityManager,
  year: SchoolYear,
  rows: T[],
  total: number,
): Promise<YearPage<T>> {
  return { rows, total, schoolYear: year.year, schoolYears: await schoolYears(m, year.year) };
}

/** "?, ?, ?" for an IN list of n values (n ≥ 1). */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The first row's count, as SQLite gives it (a number or a bigint-safe string). */
export async function count(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [row] = await m.query<{ n: number | string }[]>(sql, params);
  return Number(row?.n ?? 0);
}

/** The groups active in [from, to] among `visible`, in their number order, as filter choices. */
export async function groupChoices(
  m: EntityManager,
  from: string,
  to: string,
  visible: number[] | 'all',
): Promise<ListOption[]> {
  if (visible !== 'all' && visible.length === 0) return [];
  const rows = await m.query<{ id: number; number: number | null; name: string }[]>(
    'SELECT id, number, name FROM "group" WHERE active_from <= ? AND active_to >= ?' +
      (visible === 'all' ? '' : ` AND id IN (${marks(visible.length)})`) +
      ' ORDER BY number, name',
    visible === 'all' ? [to, from] : [to, from, ...visible],
  );
  return rows.map((g) => ({ id: g.id, name: groupLabel(g) }));
}
