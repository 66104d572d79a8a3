import { addDays } from './dates';

/**
 * How long a left child's record is kept (issue 16): until the end of the `years`-th school
 * year after the one in which the child left. Pure rules, shared by the backend and the UI.
 * `schoolYearStart` is the institution's "MM-DD" (09-01 by default).
 */

/** The calendar year in which the school year holding `date` began. */
export function schoolYearOf(date: string, schoolYearStart: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= schoolYearStart ? year : year - 1;
}

/** The last day the record of a child who left on `leftOn` must be kept. */
export function keepUntil(leftOn: string, years: number, schoolYearStart: string): string {
  const next = schoolYearOf(leftOn, schoolYearStart) + 1 + years;
  return addDays(`${next}-${schoolYearStart}`, -1);
}

/**
 * Children who left before this day are past their time on `today`: the same rule as
 * keepUntil(leftOn) < today, as one bound the database can compare with.
 */
export function retentionCutoff(today: string, years: number, schoolYearStart: string): string {
  return `${schoolYearOf(today, schoolYearStart) - years}-${schoolYearStart}`;
}
