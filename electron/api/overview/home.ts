import type { EntityManager } from 'typeorm';
import type { Home, HomeItem } from '../../../common/contract/overview';
import { addDays, addMonths, monthBounds } from '../../../common/dates';
import {
  APPLICATION_NOTICE_DAYS,
  OBLIGATIONS,
  PLAN_NOTICE_DAYS,
  RESPONSIBLE,
  SUPERVISORS,
  isNear,
  minutesLeft,
  type Obligation,
} from '../../../common/deadlines';
import { mayCall } from '../../../common/permissions';
import { compareLv } from '../../../common/text';
import { failureStatus } from '../backup/auto-settings';
import type { Context } from '../context';
import { rigaDate } from '../clock';
import { covers, groupsIn, loadRules, schoolYear, type GroupFact, type Rules } from './facts';
import { unsentMailItems } from './unsent-mail';
import { COLLECTORS, DOMAIN_OF, type Judged } from './obligations';

/**
 * Each user's home list: what she answers for (common/deadlines.ts RESPONSIBLE), in the rows the
 * access scope gives her, not done yet and due soon or overdue; the head also sees everything
 * overdue in the kindergarten, summed up per obligation and group. Soonest first.
 */

/** The span of days each obligation is looked at on the home screen, from the school year on. */
function window(o: Obligation, rules: Rules): { from: string; to: string } {
  const today = rules.now.date;
  const year = schoolYear(rules, today);
  switch (o) {
    case 'plan':
      return { from: year.from, to: monthBounds(addMonths(today.slice(0, 7), 1))[1] };
    case 'headCheck':
      return { from: year.from, to: year.to };
    case 'application':
      // An application from before the school year can still be open.
      return { from: addDays(today, -365), to: today };
    default:
      return { from: year.from, to: today };
  }
}

/** Whether an item not done yet belongs on the list today. */
function shows(item: Judged, today: string): boolean {
  if (item.outcome === 'missing') return true;
  if (item.outcome !== 'pending') return false;
  switch (item.obligation) {
    case 'plan':
      return isNear(item.deadline, today, PLAN_NOTICE_DAYS);
    case 'application':
      return isNear(item.deadline, today, APPLICATION_NOTICE_DAYS);
    case 'marks':
      // Marks are given once the topic is over (its last day).
      return item.scopeDate <= today;
    default:
      return true;
  }
}

/** The items of one obligation in the rows she reads (a teacher: her groups on their days). */
async function own(
  m: EntityManager,
  ctx: Context,
  rules: Rules,
  o: Obligation,
): Promise<{ items: Judged[]; groups: GroupFact[] }> {
  const { from, to } = window(o, rules);
  const access = ctx.access();
  const domain = DOMAIN_OF[o];
  const groups = await groupsIn(m, from, to, await access.groups(m, domain, 'read', from, to));
  const all = await COLLECTORS[o](m, rules, { from, to, groups });
  const mine = await access.filterRows(
    m,
    domain,
    'read',
    all.map((item) => ({ item, date: item.scopeDate, groupId: item.groupId ?? undefined })),
  );
  return { items: mine.map((r) => r.item).filter((i) => shows(i, rules.now.date)), groups };
}

function homeItem(item: Judged, rules: Rules, groups: GroupFact[]): HomeItem {
  return {
    kind: item.obligation,
    overdue: item.outcome === 'missing',
    due: item.deadline.date,
    dueTime: item.deadline.time,
    minutesLeft: item.outcome === 'pending' ? minutesLeft(item.deadline, rules.now) : null,
    groupId: item.groupId,
    groupName: groups.find((g) => g.id === item.groupId)?.name ?? null,
    subject: item.subject || null,
    count: null,
    detail: null,
    ref: item.ref,
  };
}

/** Everything overdue in the kindergarten this school year, one line per obligation and group. */
async function overdueSummary(m: EntityManager, rules: Rules) {
  const year = schoolYear(rules, rules.now.date);
  const groups = await groupsIn(m, year.from, rules.now.date, 'all');
  const lines = new Map<string, HomeItem>();
  for (const o of OBLIGATIONS) {
    // Her own checks are her own lines; entries are never overdue.
    if (o === 'headCheck' || o === 'individualWork' || o === 'diary') continue;
    const items = await COLLECTORS[o](m, rules, { from: year.from, to: rules.now.date, groups });
    for (const item of items.filter((i) => i.outcome === 'missing')) {
      const key = `${o}.${item.groupId ?? ''}`;
      const line = lines.get(key);
      if (line) {
        line.count = (line.count ?? 0) + 1;
        continue;
      }
      lines.set(key, { ...homeItem(item, rules, groups), subject: null, count: 1, ref: {} });
    }
  }
  return [...lines.values()];
}

export async function home(ctx: Context): Promise<Home> {
  const m = ctx.db.manager;
  const rules = await loadRules(ctx);
  const role = ctx.user.role;
  const items: HomeItem[] = [];
  for (const o of OBLIGATIONS.filter((x) => RESPONSIBLE[x].includes(role))) {
    if (o === 'individualWork') continue; // written when there is something to write
    if (o === 'diary') {
      items.push(diaryLine(rules));
      continue;
    }
    const { items: mine, groups } = await own(m, ctx, rules, o);
    let lines = mine.map((item) => homeItem(item, rules, groups));
    if (o === 'nurseCheck') await countGroups(m, lines);
    if (o === 'headCheck') {
      // One line for her checks: the next one due (with the count done so far).
      lines = lines.slice(0, 1);
      await countHeadChecks(m, rules, lines);
    }
    items.push(...lines);
  }
  if (SUPERVISORS.includes(role)) items.push(...(await overdueSummary(m, rules)));
  if (mayCall('backup.status', role)) {
    const { failure } = await failureStatus(ctx);
    if (failure) items.push(backupLine(failure));
  }
  items.push(...(await unsentMailItems(ctx)));
  items.sort(
    (a, b) =>
      a.due.localeCompare(b.due) ||
      (a.dueTime ?? '24:00').localeCompare(b.dueTime ?? '24:00') ||
      compareLv(a.groupName ?? '', b.groupName ?? ''),
  );
  return { items, schoolYear: schoolYear(rules, rules.now.date) };
}

/** The deputy's diary: a standing line for today's entries, never overdue (3.8). */
function diaryLine(rules: Rules): HomeItem {
  return {
    kind: 'diary',
    overdue: false,
    due: rules.now.date,
    dueTime: null,
    minutesLeft: null,
    groupId: null,
    groupName: null,
    subject: null,
    count: null,
    detail: null,
    ref: { date: rules.now.date },
  };
}

/** The nurse's days: how many groups had children each day (the groups she checks). */
async function countGroups(m: EntityManager, lines: HomeItem[]): Promise<void> {
  if (lines.length === 0) return;
  const days = lines.map((l) => l.ref.date ?? l.due).sort();
  const spans = await m.query<{ groupId: number; from: string; to: string | null }[]>(
    'SELECT DISTINCT group_id AS "groupId", from_date AS "from", to_date AS "to" FROM enrolment ' +
      'WHERE from_date <= ? AND (to_date IS NULL OR to_date >= ?)',
    [days[days.length - 1], days[0]],
  );
  for (const line of lines) {
    const day = line.ref.date ?? line.due;
    line.count = new Set(spans.filter((s) => covers(s, day)).map((s) => s.groupId)).size;
  }
}

/** The head's checks done this school year, shown on her line (e.g. 1 of 2). */
async function countHeadChecks(m: EntityManager, rules: Rules, lines: HomeItem[]) {
  if (lines.length === 0) return;
  const year = schoolYear(rules, rules.now.date);
  const rows = await m.query<{ n: number }[]>(
    "SELECT COUNT(*) AS n FROM journal_check WHERE author_role = 'head' AND date >= ? AND date <= ?",
    [year.from, year.to],
  );
  for (const line of lines) line.count = Number(rows[0]?.n ?? 0);
}

function backupLine(failure: { at: string; message: string }): HomeItem {
  return {
    kind: 'backup',
    overdue: true,
    due: rigaDate(new Date(failure.at)),
    dueTime: null,
    minutesLeft: null,
    groupId: null,
    groupName: null,
    subject: null,
    count: null,
    detail: failure.message,
    ref: { date: failure.at },
  };
}
