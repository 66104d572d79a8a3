import type { EntityManager } from 'typeorm';
import {
  applicationDeadline,
  entryDeadline,
  headCheckDeadlines,
  journalCheckDeadline,
  outcomeOf,
} from '../../../../common/deadlines';
import { schoolYearBounds, schoolYearOf } from '../../../../common/planning-rules';
import { placeholders, type Rules } from '../facts';
import { earlier, type Frame, type Judged } from './judged';

/**
 * The management's obligations: a journal check at each new topic (3.9), the head's two checks
 * a school year (3.12), parents connected within a week (2.3); and the entries written on their
 * day (3.6–3.8), counted per author.
 */

/** Topics of the frame's groups that started in it (and have started by today). */
export async function journalCheckItems(
  m: EntityManager,
  rules: Rules,
  frame: Frame,
): Promise<Judged[]> {
  const last = earlier(frame.to, rules.now.date);
  if (frame.groups.length === 0 || last < frame.from) return [];
  const ids = frame.groups.map((g) => g.id);
  const topics = await m.query<
    {
      id: number;
      title: string;
      startDate: string;
      endDate: string;
      groupId: number;
      checkedOn: string | null;
    }[]
  >(
    'SELECT t.id, t.title, t.start_date AS "startDate", t.end_date AS "endDate", ' +
      'p.group_id AS "groupId", (SELECT MIN(c.date) FROM journal_check c WHERE c.topic_id = t.id) ' +
      'AS "checkedOn" FROM topic t JOIN plan p ON p.id = t.plan_id ' +
      `WHERE p.group_id IN (${placeholders(ids)}) AND t.start_date >= ? AND t.start_date <= ?`,
    [...ids, frame.from, last],
  );
  return topics.map((t): Judged => {
    const deadline = journalCheckDeadline(rules.calendar, t.startDate, t.endDate);
    const done = t.checkedOn ? { late: t.checkedOn > deadline.date } : null;
    return {
      obligation: 'journalCheck',
      outcome: outcomeOf(deadline, done, rules.now),
      deadline,
      doneAt: t.checkedOn,
      groupId: Number(t.groupId),
      personId: null,
      subject: t.title,
      ref: { topicId: Number(t.id) },
      scopeDate: t.startDate,
    };
  });
}

/** The head's checks of each school year the frame touches, against its two deadlines. */
export async function headCheckItems(
  m: EntityManager,
  rules: Rules,
  frame: Frame,
): Promise<Judged[]> {
  const items: Judged[] = [];
  const firstYear = schoolYearOf(frame.from, rules.yearStart);
  const lastYear = schoolYearOf(frame.to, rules.yearStart);
  const [from] = schoolYearBounds(firstYear, rules.yearStart);
  const [, to] = schoolYearBounds(lastYear, rules.yearStart);
  const checks = await m.query<{ date: string }[]>(
    "SELECT date FROM journal_check WHERE author_role = 'head' AND date >= ? AND date <= ? " +
      'ORDER BY date',
    [from, to],
  );
  for (let year = firstYear; year <= lastYear; year++) {
    const [start, end] = schoolYearBounds(year, rules.yearStart);
    const mine = checks.filter((c) => c.date >= start && c.date <= end);
    headCheckDeadlines(year, rules.yearStart).forEach((deadline, i) => {
      if (deadline.date < frame.from || deadline.date > frame.to) return;
      const check = mine[i];
      items.push({
        obligation: 'headCheck',
        outcome: outcomeOf(
          deadline,
          check ? { late: check.date > deadline.date } : null,
          rules.now,
        ),
        deadline,
        doneAt: check?.date ?? null,
        groupId: null,
        personId: null,
        subject: String(i + 1),
        ref: { date: check?.date ?? deadline.date },
        scopeDate: deadline.date,
      });
    });
  }
  return items;
}

/** Applications received in the frame; a refused one closes without a connection to count. */
export async function applicationItems(
  m: EntityManager,
  rules: Rules,
  frame: Frame,
): Promise<Judged[]> {
  const rows = await m.query<
    {
      id: number;
      receivedOn: string;
      status: string;
      connectedOn: string | null;
      parentName: string;
      childName: string;
    }[]
  >(
    'SELECT id, received_on AS "receivedOn", status, connected_on AS "connectedOn", ' +
      'parent_name AS "parentName", child_name AS "childName" FROM parent_application ' +
      "WHERE status <> 'refused' AND received_on >= ? AND received_on <= ?",
    [frame.from, frame.to],
  );
  return rows.map((a): Judged => {
    const deadline = applicationDeadline(a.receivedOn);
    const done = a.connectedOn ? { late: a.connectedOn > deadline.date } : null;
    return {
      obligation: 'application',
      outcome: outcomeOf(deadline, done, rules.now),
      deadline,
      doneAt: a.connectedOn,
      groupId: null,
      personId: null,
      subject: `${a.parentName} — ${a.childName}`,
      ref: { applicationId: Number(a.id) },
      scopeDate: a.receivedOn,
    };
  });
}

/** Individual-work entries and the deputy's diary: on their day, or flagged late. */
export async function entryItems(
  m: EntityManager,
  rules: Rules,
  frame: Frame,
  journal: 'individualWork' | 'diary',
): Promise<Judged[]> {
  const table = journal === 'diary' ? 'diary_entry' : 'individual_work_entry';
  const rows = await m.query<
    { id: number; date: string; kind: string; authorId: number; late: unknown; at: string }[]
  >(
    'SELECT id, date, kind, author_id AS "authorId", late, created_at AS at ' +
      `FROM ${table} WHERE date >= ? AND date <= ?`,
    [frame.from, frame.to],
  );
  return rows.map((e): Judged => {
    const deadline = entryDeadline(e.date);
    return {
      obligation: journal,
      outcome: outcomeOf(deadline, { late: Boolean(e.late) }, rules.now),
      deadline,
      doneAt: e.at,
      groupId: null,
      personId: Number(e.authorId),
      subject: e.kind,
      ref: { entryId: Number(e.id), date: e.date },
      scopeDate: e.date,
    };
  });
}
