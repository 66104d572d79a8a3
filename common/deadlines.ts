/**
 * Every deadline of DOMAIN.md "Deadlines in one place", stated once and shared by the backend
 * (the home screen's items, the supervision report) and the renderer (their wording). Rules that
 * already had a home are imported, not restated: the plan's and the marks' due dates
 * (planning-rules.ts), the week for an application (contract/applications.ts), the head's count
 * (contract/supervision.ts) and "an entry belongs to its day" (journal-rules.ts).
 */
import type { WorkingCalendar } from './calendar';
import { APPLICATION_DUE_DAYS } from './contract/applications';
import { HEAD_CHECKS_REQUIRED } from './contract/supervision';
import { addDays, dmy, monthTitle, shiftMonths, type IsoDate } from './dates';
import type { Locale } from './locale';
import { assessmentDueDate, planDueDate, schoolYearBounds } from './planning-rules';
import type { Role } from './roles';

/** The obligations, in the order of the table (and of the report). */
export const OBLIGATIONS = [
  'plan',
  'attendance',
  'nurseCheck',
  'marks',
  'journalCheck',
  'headCheck',
  'application',
  'individualWork',
  'diary',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** Who answers for each obligation (a substitute stands in for the group's teacher). */
export const RESPONSIBLE: Readonly<Record<Obligation, readonly Role[]>> = {
  plan: ['teacher'],
  attendance: ['teacher'],
  nurseCheck: ['nurse'],
  marks: ['teacher'],
  journalCheck: ['deputy'],
  headCheck: ['head'],
  application: ['deputy'],
  individualWork: ['teacher', 'speech'],
  diary: ['deputy'],
};

/**
 * What became of one obligation: done by its deadline, done after it, not done once the deadline
 * has passed, or not done yet with time left.
 */
export type Outcome = 'onTime' | 'late' | 'missing' | 'pending';

/** A deadline: a date and, for attendance, a time of that day (Riga); null = the whole day. */
export interface Deadline {
  date: IsoDate;
  time: string | null;
}

/** The backend's "now" as the rules read it: the Riga date and time "HH:MM". */
export interface RigaNow {
  date: IsoDate;
  time: string;
}

/** Whether a moment (Riga date and time) is after the deadline. Minute precision, as isLate. */
export function isPast(deadline: Deadline, date: IsoDate, time: string): boolean {
  if (date !== deadline.date) return date > deadline.date;
  return deadline.time !== null && time > deadline.time;
}

/** The outcome of an obligation from whether (and how) it was done, judged at `now`. */
export function outcomeOf(
  deadline: Deadline,
  done: { late: boolean } | null,
  now: RigaNow,
): Outcome {
  if (done) return done.late ? 'late' : 'onTime';
  return isPast(deadline, now.date, now.time) ? 'missing' : 'pending';
}

const wholeDay = (date: IsoDate): Deadline => ({ date, time: null });

/** 3.1: the month's plan, by the last working day of the previous month. */
export function planDeadline(calendar: WorkingCalendar, month: string): Deadline {
  return wholeDay(planDueDate(calendar, month));
}

/** 3.2: a working day's attendance, by the institution's time (09:00 by default) that day. */
export function attendanceDeadline(date: IsoDate, time: string): Deadline {
  return { date, time };
}

/** 3.3: the nurse checks a working day's attendance the same day. */
export function nurseCheckDeadline(date: IsoDate): Deadline {
  return wholeDay(date);
}

/** 3.4: a topic's marks, within the institution's number of days after it ends. */
export function marksDeadline(topicEnd: IsoDate, days: number): Deadline {
  return wholeDay(assessmentDueDate(topicEnd, days));
}

/**
 * 3.9 asks for a check "at the start of every new topic". We read the start as the topic's
 * first working week: the check is due on its fifth working day (the start day counted), or on
 * the topic's last day if it is shorter.
 */
export const JOURNAL_CHECK_WORKING_DAYS = 5;

export function journalCheckDeadline(
  calendar: WorkingCalendar,
  topicStart: IsoDate,
  topicEnd: IsoDate,
): Deadline {
  const first = calendar.isWorkingDay(topicStart)
    ? topicStart
    : calendar.nextWorkingDay(topicStart);
  const fifth = calendar.addWorkingDays(first, JOURNAL_CHECK_WORKING_DAYS - 1);
  return wholeDay(fifth < topicEnd ? fifth : topicEnd);
}

/**
 * 3.12: the head's checks, twice a school year. The first is due by the end of the year's first
 * half, the second by the year's end, so that both are not left to the summer.
 */
export function headCheckDeadlines(year: number, start: string): Deadline[] {
  const [first, last] = schoolYearBounds(year, start);
  const half = addDays(shiftMonths(first, 6), -1);
  const dates = [half, last];
  return Array.from({ length: HEAD_CHECKS_REQUIRED }, (_, i) =>
    wholeDay(dates[Math.min(i, dates.length - 1)]),
  );
}

/** 2.3: a parent is connected within a week of the application's receipt. */
export function applicationDeadline(receivedOn: IsoDate): Deadline {
  return wholeDay(addDays(receivedOn, APPLICATION_DUE_DAYS));
}

/** 3.6–3.8: individual-work entries and the deputy's diary are written on their day. */
export function entryDeadline(date: IsoDate): Deadline {
  return wholeDay(date);
}

/* When a coming deadline shows on the home screen (an overdue one always shows). */

/** Next month's plan shows from this many days before its due date. */
export const PLAN_NOTICE_DAYS = 7;
/** The deputy sees an application this many days before it is due ("due in two days"). */
export const APPLICATION_NOTICE_DAYS = 2;

/** Whether a coming deadline is near enough to show: `days` before it, or already past. */
export function isNear(deadline: Deadline, today: IsoDate, days: number): boolean {
  return addDays(today, days) >= deadline.date;
}

/** Whole minutes from `now` to a deadline later the same day; null when it is not today. */
export function minutesLeft(deadline: Deadline, now: RigaNow): number | null {
  if (deadline.time === null || deadline.date !== now.date) return null;
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return Math.max(0, toMinutes(deadline.time) - toMinutes(now.time));
}

/** 3.12: the head supervises how the register is filled: her home shows all that is overdue. */
export const SUPERVISORS: readonly Role[] = ['head'];

/** What one item is about, in a line: a month, a day, a topic, an application (screens and files). */
export function itemText(
  locale: Locale,
  item: { obligation: Obligation; subject: string; ref: { date?: string } },
): string {
  switch (item.obligation) {
    case 'plan':
      return monthTitle(item.subject, locale);
    case 'marks':
    case 'journalCheck':
    case 'application':
      return item.subject;
    case 'headCheck':
      return `${item.subject}.`;
    default:
      return item.ref.date ? dmy(item.ref.date) : '';
  }
}
