import type { EntityManager } from 'typeorm';
import {
  allows,
  rowScope,
  type Operation,
  type RowDomain,
  type RowScope,
} from '../../../common/access-scope';
import { AppError } from '../../../common/errors';
import { hotQuery } from '../../../database/hot-query';
import type { Role } from '../../../common/roles';

/** One stretch of dates in which the user works in a group, and for whom. */
export interface Period {
  groupId: number;
  from: string;
  to: string | null;
  /** The absent teacher she stands in for; null in her own assignment. */
  onBehalfOf: number | null;
}

/** A row as the scope sees it: who wrote it, which group or children it concerns, its date. */
export interface ScopedRow {
  date: string;
  authorId?: number;
  groupId?: number;
  childIds?: readonly number[];
  /** Rows she takes part in without writing them (a substitution's two teachers). */
  participantIds?: readonly number[];
}

const covers = (p: { from: string; to: string | null }, from: string, to: string) =>
  p.from <= to && (p.to === null || p.to >= from);

/**
 * The one backend answer to "may this user read or write this group, child or entry on this
 * date", from the table in common/access-scope.ts. Built per call (Context.access()); the
 * user's group periods are read once, with one query, and every question after that is
 * answered in memory (or with one query for a batch of children's enrolments).
 *
 * "Her groups" are her own assignments (GroupTeacher) and the groups where she substitutes
 * today for an absent colleague, for the dates that colleague works there: a substitute may do
 * whatever the absent teacher may, and only while the substitution lasts, so the access begins
 * and ends by itself.
 */
export class Access {
  private periods?: Period[];

  constructor(
    readonly user: { id: number; role: Role },
    /** The backend's Riga date: substitutions are judged on it. */
    readonly today: string,
  ) {}

  scope(domain: RowDomain, operation: Operation): RowScope {
    return rowScope(domain, operation, this.user.role);
  }

  /** Her periods in every group; loaded once per call (also for the SQL form, access/sql.ts). */
  async groupPeriods(m: EntityManager): Promise<Period[]> {
    if (this.periods) return this.periods;
    const rows = await hotQuery<{
      groupId: number;
      from: string;
      to: string | null;
      absentId: number | null;
    }>(
      m,
      // Quoted aliases: PostgreSQL folds unquoted names to lower case.
      'SELECT group_id AS "groupId", from_date AS "from", to_date AS "to", NULL AS "absentId" ' +
        'FROM group_teacher WHERE user_id = ? ' +
        'UNION ALL SELECT g.group_id, g.from_date, g.to_date, s.absent_id FROM substitution s ' +
        'JOIN group_teacher g ON g.user_id = s.absent_id AND g.group_id = s.group_id ' +
        'WHERE s.substitute_id = ? AND s.from_date <= ? AND s.to_date >= ? ORDER BY 4, 1',
      [this.user.id, this.user.id, this.today, this.today],
    );
    this.periods = rows.map((r) => ({
      groupId: Number(r.groupId),
      from: r.from,
      to: r.to,
      onBehalfOf: r.absentId === null ? null : Number(r.absentId),
    }));
    return this.periods;
  }

  /** The groups she works in at some time in [from, to]: sorted ids, no duplicates. */
  async herGroups(m: EntityManager, from: string, to: string = from): Promise<number[]> {
    const ids = (await this.groupPeriods(m))
      .filter((p) => covers(p, from, to))
      .map((p) => p.groupId);
    return [...new Set(ids)].sort((a, b) => a - b);
  }

  /**
   * The groups whose rows she may read or write in [from, to]: 'all', or a list of ids (empty
   * when she may see no group's rows, or only rows she wrote herself).
   */
  async groups(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    from: string,
    to: string = from,
  ): Promise<number[] | 'all'> {
    const scope = this.scope(domain, operation);
    if (scope === 'all') return 'all';
    if (scope === 'none' || scope === 'own') return [];
    return this.herGroups(m, from, to);
  }

  /** Whether she may read or write the rows of a group at some time in [from, to]. */
  async mayGroup(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    groupId: number,
    from: string,
    to: string = from,
  ): Promise<boolean> {
    const scope = this.scope(domain, operation);
    if (scope === 'all' || scope === 'none') return scope === 'all';
    return allows(scope, { inHerGroups: (await this.herGroups(m, from, to)).includes(groupId) });
  }

  /** Throws FORBIDDEN (with the domain's message) unless mayGroup. */
  async assertGroup(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    groupId: number,
    from: string,
    to: string = from,
    key?: string,
  ): Promise<void> {
    if (!(await this.mayGroup(m, domain, operation, groupId, from, to))) {
      throw new AppError('FORBIDDEN', key);
    }
  }

  /**
   * The rows she may read or write, in their order. Facts for the whole batch come from her
   * periods and one query for the children's enrolments, never a query per row.
   */
  async filterRows<T extends ScopedRow>(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    rows: readonly T[],
  ): Promise<T[]> {
    const scope = this.scope(domain, operation);
    if (scope === 'all' || scope === 'none') return scope === 'all' ? [...rows] : [];
    const own = (row: T) =>
      row.authorId === this.user.id || (row.participantIds ?? []).includes(this.user.id);
    if (scope === 'own') return rows.filter(own);
    const periods = await this.groupPeriods(m);
    const teaches = (groupId: number, date: string) =>
      periods.some((p) => p.groupId === groupId && covers(p, date, date));
    const childIds = [...new Set(rows.flatMap((r) => r.childIds ?? []))];
    const enrolments = await this.enrolments(m, childIds);
    const inHerGroups = (row: T) =>
      (row.groupId !== undefined && teaches(row.groupId, row.date)) ||
      (row.childIds ?? []).some((childId) =>
        enrolments.some(
          (e) =>
            e.childId === childId && covers(e, row.date, row.date) && teaches(e.groupId, row.date),
        ),
      );
    return rows.filter((row) => allows(scope, { own: own(row), inHerGroups: inHerGroups(row) }));
  }

  async mayRow(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    row: ScopedRow,
  ): Promise<boolean> {
    return (await this.filterRows(m, domain, operation, [row])).length === 1;
  }

  async assertRow(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    row: ScopedRow,
    key?: string,
  ): Promise<void> {
    if (!(await this.mayRow(m, domain, operation, row))) throw new AppError('FORBIDDEN', key);
  }

  /** Whether she may read or write a child's rows on `date` (the child's group that day). */
  async mayChild(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    childId: number,
    date: string,
  ): Promise<boolean> {
    return this.mayRow(m, domain, operation, { date, childIds: [childId] });
  }

  async assertChild(
    m: EntityManager,
    domain: RowDomain,
    operation: Operation,
    childId: number,
    date: string,
    key?: string,
  ): Promise<void> {
    if (!(await this.mayChild(m, domain, operation, childId, date))) {
      throw new AppError('FORBIDDEN', key);
    }
  }

  /**
   * Whom she stands in for when she writes in `groupId` on `date`: the absent teacher's id when
   * she works there only as a substitute, null in her own group (or where she has no access).
   * Entries then read "X (aizvieto Y)" and the audit carries onBehalfOfId.
   */
  async onBehalfOf(m: EntityManager, groupId: number, date: string): Promise<number | null> {
    const covering = (await this.groupPeriods(m)).filter(
      (p) => p.groupId === groupId && covers(p, date, date),
    );
    if (covering.length === 0 || covering.some((p) => p.onBehalfOf === null)) return null;
    return covering[0].onBehalfOf;
  }

  private async enrolments(m: EntityManager, childIds: number[]) {
    if (childIds.length === 0) return [];
    const rows = await hotQuery<{
      childId: number;
      groupId: number;
      from: string;
      to: string | null;
    }>(
      m,
      'SELECT child_id AS "childId", group_id AS "groupId", from_date AS "from", to_date AS "to" ' +
        `FROM enrolment WHERE child_id IN (${childIds.map(() => '?').join(', ')})`,
      childIds,
    );
    return rows.map((r) => ({ ...r, childId: Number(r.childId), groupId: Number(r.groupId) }));
  }
}
