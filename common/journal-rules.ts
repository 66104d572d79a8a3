/**
 * Rules of the journals (individual work, talks with parents, the deputy's diary), shared by the
 * backend and the dialogs so that the hint a form shows is the rule the backend applies.
 */
import { rowScope, type RowScope } from './access-scope';
import type { IsoDate } from './dates';
import type { Role } from './roles';

/** An entry belongs to its day (3.6–3.8, 3.10): a day after today cannot be written yet. */
export function isFutureEntry(date: IsoDate, today: IsoDate): boolean {
  return date > today;
}

/**
 * Whether an entry on `date` is "Ievadīts vēlāk": a past day is allowed, but flagged. Lateness is
 * decided when the entry's day is set, so an edit that keeps the day keeps the entry's own flag
 * (correcting the text the next morning does not make an on-time entry late).
 */
export function isLateEntry(
  date: IsoDate,
  today: IsoDate,
  previous?: { date: IsoDate; late: boolean } | null,
): boolean {
  if (previous && previous.date === date) return previous.late;
  return date < today;
}

/** Write scopes that bind the writer to the children of her groups: she is a group teacher. */
const GROUP_BOUND: ReadonlySet<RowScope> = new Set<RowScope>([
  'groups',
  'ownInGroups',
  'groupsOrOwn',
]);

/** Whether her individual work entries are about her groups' children only (access-scope table). */
export function writesForHerGroups(role: Role): boolean {
  return GROUP_BOUND.has(rowScope('individualWork', 'write', role));
}

/**
 * Notes go to parents from group teachers (3.7), i.e. from those who write about their groups'
 * children; the speech therapist, who writes about any child, does not send them.
 */
export function maySendToParents(role: Role): boolean {
  return writesForHerGroups(role);
}
