import type { WorkingCalendar } from '../../../../common/calendar';
import type { ItemRef } from '../../../../common/contract/overview';
import { addDays } from '../../../../common/dates';
import type { Deadline, Obligation, Outcome } from '../../../../common/deadlines';
import type { GroupFact } from '../facts';

/**
 * One obligation judged: what was due, by when, what became of it and what opens it. Every
 * collector in this folder returns these for a period, from a handful of set-based queries; the
 * report counts them, the drill-down lists them, the home screen keeps the user's own.
 */
export interface Judged {
  obligation: Obligation;
  outcome: Outcome;
  deadline: Deadline;
  /** When it was done: an instant, or a date where only the day is known. */
  doneAt: string | null;
  groupId: number | null;
  /** The author of an entry (individual work, diary); null for the other obligations. */
  personId: number | null;
  subject: string;
  ref: ItemRef;
  /** The day the access scope judges her part in it (a teacher's group on that day). */
  scopeDate: string;
}

/** What the collectors look at: the period and the groups whose obligations are wanted. */
export interface Frame {
  from: string;
  to: string;
  groups: GroupFact[];
}

/** The dates from `from` to `to`, both included, that the calendar counts as working days. */
export function workingDays(calendar: WorkingCalendar, from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  return days;
}

export const later = (a: string, b: string) => (a > b ? a : b);
export const earlier = (a: string, b: string) => (a < b ? a : b);
