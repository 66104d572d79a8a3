import type { EntityManager } from 'typeorm';
import type { Operation, RowDomain } from '../../../common/access-scope';
import type { Access, Period } from './scope';

/**
 * The access scope as a SQL condition, for lists that filter, count and page in the database:
 * the same decision as Access.filterRows (common/access-scope.ts's `allows` over "her own" and
 * "in her groups"), written over a row's columns instead of loaded rows. Her periods are few
 * (her assignments and today's substitutions), so they become literal conditions.
 */

/** Where a row keeps what the scope looks at; column names as the query spells them. */
export interface ScopeColumns {
  /** The row's date, e.g. 'e.date'. */
  date: string;
  /** Who wrote it. */
  author?: string;
  /** Others who take part in it without writing it (a substitution's two teachers). */
  participants?: string[];
  /** The group it belongs to. */
  group?: string;
  /** A correlated SELECT of the row's child ids, e.g. 'SELECT child_id FROM x WHERE x.id = e.id'. */
  children?: string;
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const TRUE: SqlCondition = { sql: '1 = 1', params: [] };
const FALSE: SqlCondition = { sql: '1 = 0', params: [] };

function any(parts: SqlCondition[]): SqlCondition {
  if (parts.length === 0) return FALSE;
  return {
    sql: `(${parts.map((p) => p.sql).join(' OR ')})`,
    params: parts.flatMap((p) => p.params),
  };
}

/** She works in the group of `groupColumn` on the day of `dateColumn`. */
function teaches(periods: Period[], groupColumn: string, dateColumn: string): SqlCondition {
  return any(
    periods.map((p) => ({
      sql:
        `(${groupColumn} = ? AND ${dateColumn} >= ?` +
        (p.to === null ? ')' : ` AND ${dateColumn} <= ?)`),
      params: p.to === null ? [p.groupId, p.from] : [p.groupId, p.from, p.to],
    })),
  );
}

export async function scopeCondition(
  m: EntityManager,
  access: Access,
  domain: RowDomain,
  operation: Operation,
  columns: ScopeColumns,
): Promise<SqlCondition> {
  const scope = access.scope(domain, operation);
  if (scope === 'all') return TRUE;
  if (scope === 'none') return FALSE;
  const own = any(
    [columns.author, ...(columns.participants ?? [])]
      .filter((c): c is string => c !== undefined)
      .map((c) => ({ sql: `${c} = ?`, params: [access.user.id] })),
  );
  if (scope === 'own') return own;
  const periods = await access.groupPeriods(m);
  const inGroups: SqlCondition[] = [];
  if (columns.group) inGroups.push(teaches(periods, columns.group, columns.date));
  if (columns.children && periods.length > 0) {
    const enrolled = teaches(periods, 'en.group_id', columns.date);
    inGroups.push({
      sql:
        `EXISTS (SELECT 1 FROM enrolment en WHERE en.child_id IN (${columns.children}) ` +
        `AND en.from_date <= ${columns.date} AND (en.to_date IS NULL OR en.to_date >= ${columns.date}) ` +
        `AND ${enrolled.sql})`,
      params: enrolled.params,
    });
  }
  const inHerGroups = any(inGroups);
  switch (scope) {
    case 'groups':
      return inHerGroups;
    case 'ownInGroups':
      return {
        sql: `(${own.sql} AND ${inHerGroups.sql})`,
        params: [...own.params, ...inHerGroups.params],
      };
    case 'groupsOrOwn':
      return any([own, inHerGroups]);
  }
}
