import { In, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { EntryRow, JournalPage, TalkRow } from '../../../common/contract/journals';
import type { ListOption, Page } from '../../../common/contract/paging';
import { IndividualWorkEntry, ParentTalk } from '../../../database/entities/journals';
import { scopeCondition, type ScopeColumns } from '../access/sql';
import type { Context } from '../context';
import { count, groupChoices, page } from '../lists';
import { userNames } from '../users/names';
import { entryRows } from './entries';
import { talkRows } from './talks';
import type { JournalDomain } from './children';

/**
 * The journals' lists: a period's individual work entries and talks with parents, and the
 * entries waiting to be sent. Scope, filters, count and page are SQL (access/sql.ts); only the
 * page's rows are loaded and dressed.
 */

type ListInput = ParsedInput<'journals.entries'>;

interface Table {
  domain: JournalDomain;
  /** The table and its alias, e.g. 'individual_work_entry e'. */
  from: string;
  scope: ScopeColumns;
  /** A correlated SELECT of the row's children (as scope.children). */
  children: string;
}

const ENTRIES: Table = {
  domain: 'individualWork',
  from: 'individual_work_entry e',
  scope: {
    date: 'e.date',
    author: 'e.author_id',
    children: 'SELECT l.child_id FROM individual_work_child l WHERE l.entry_id = e.id',
  },
  children: 'SELECT l.child_id FROM individual_work_child l WHERE l.entry_id = e.id',
};

const TALKS: Table = {
  domain: 'talks',
  from: 'parent_talk e',
  scope: { date: 'e.date', author: 'e.author_id', children: 'SELECT e.child_id' },
  children: 'SELECT e.child_id',
};

/** The conditions of a journal page: her scope, the period and the filters. */
async function conditions(ctx: Context, table: Table, input: ListInput) {
  const m = ctx.db.manager;
  const scope = await scopeCondition(m, ctx.access(), table.domain, 'read', table.scope);
  const where = ['e.date >= ?', 'e.date <= ?', scope.sql];
  const params: unknown[] = [input.from, input.to, ...scope.params];
  const filtered = [...where];
  const filterParams = [...params];
  if (input.groupId !== undefined) {
    filtered.push(
      `EXISTS (SELECT 1 FROM enrolment en WHERE en.child_id IN (${table.children}) ` +
        'AND en.group_id = ? AND en.from_date <= e.date AND (en.to_date IS NULL OR en.to_date >= e.date))',
    );
    filterParams.push(input.groupId);
  }
  if (input.childId !== undefined) {
    filtered.push(`? IN (${table.children})`);
    filterParams.push(input.childId);
  }
  if (input.authorId !== undefined) {
    filtered.push('e.author_id = ?');
    filterParams.push(input.authorId);
  }
  return {
    /** Her rows of the period, before the filters: the filters' choices come from them. */
    period: { sql: `FROM ${table.from} WHERE ${where.join(' AND ')}`, params },
    page: { sql: `FROM ${table.from} WHERE ${filtered.join(' AND ')}`, params: filterParams },
  };
}

/** The ids of one page, newest first, and the total. */
async function pageIds(
  m: EntityManager,
  filter: { sql: string; params: unknown[] },
  input: { limit: number; offset: number },
): Promise<[number[], number]> {
  const [ids, total] = await Promise.all([
    m.query<{ id: number }[]>(
      `SELECT e.id ${filter.sql} ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`,
      [...filter.params, input.limit, input.offset],
    ),
    count(m, `SELECT COUNT(*) AS n ${filter.sql}`, filter.params),
  ]);
  return [ids.map((r) => r.id), total];
}

/** Entities in the order of `ids`. */
async function inOrder<T extends { id: number }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
): Promise<T[]> {
  if (!ids.length) return [];
  const where = { id: In(ids) } as FindOptionsWhere<T>;
  const found = new Map((await m.findBy(entity, where)).map((r) => [r.id, r]));
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** The filters' choices: the period's groups she reads and the authors of her rows. */
async function choices(
  ctx: Context,
  table: Table,
  period: { sql: string; params: unknown[] },
  input: ListInput,
): Promise<{ groups: ListOption[]; authors: ListOption[] }> {
  const m = ctx.db.manager;
  const access = ctx.access();
  const scope = access.scope(table.domain, 'read');
  const mine = scope === 'all' ? 'all' : await access.herGroups(m, input.from, input.to);
  const groups = scope === 'own' ? [] : await groupChoices(m, input.from, input.to, mine);
  const authors = await m.query<{ id: number }[]>(
    `SELECT DISTINCT e.author_id AS id ${period.sql}`,
    period.params,
  );
  const names = await userNames(
    m,
    authors.map((a) => a.id),
  );
  return {
    groups,
    authors: [...names].map(([id, name]) => ({ id, name })),
  };
}

export async function entries(ctx: Context, input: ListInput): Promise<JournalPage<EntryRow>> {
  const m = ctx.db.manager;
  const filter = await conditions(ctx, ENTRIES, input);
  const [ids, total] = await pageIds(m, filter.page, input);
  const rows = await entryRows(m, ctx, await inOrder(m, IndividualWorkEntry, ids));
  return { ...page(rows, total), ...(await choices(ctx, ENTRIES, filter.period, input)) };
}

export async function talks(ctx: Context, input: ListInput): Promise<JournalPage<TalkRow>> {
  const m = ctx.db.manager;
  const filter = await conditions(ctx, TALKS, input);
  const [ids, total] = await pageIds(m, filter.page, input);
  const rows = await talkRows(m, ctx, await inOrder(m, ParentTalk, ids));
  return { ...page(rows, total), ...(await choices(ctx, TALKS, filter.period, input)) };
}

/** "Gaida nosūtīšanu": entries ticked for parents and not sent yet that she may read. */
const NOT_ALL_SENT =
  "(NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entry_id = e.id AND o.status <> 'cancelled') " +
  "OR EXISTS (SELECT 1 FROM outbox o WHERE o.entry_id = e.id AND o.status NOT IN ('sent', 'cancelled')))";

export async function waiting(
  ctx: Context,
  input: ParsedInput<'journals.waiting'>,
): Promise<Page<EntryRow>> {
  const m = ctx.db.manager;
  const scope = await scopeCondition(m, ctx.access(), 'individualWork', 'read', ENTRIES.scope);
  const [ids, total] = await pageIds(
    m,
    {
      // Ticked for parents and not sent to all of them yet: nothing queued, or a row not sent.
      sql: `FROM ${ENTRIES.from} WHERE e.send_status IS NOT NULL AND ${NOT_ALL_SENT} AND ${scope.sql}`,
      params: scope.params,
    },
    input,
  );
  return page(await entryRows(m, ctx, await inOrder(m, IndividualWorkEntry, ids)), total);
}
