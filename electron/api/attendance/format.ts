import type { AttendanceGroup, CellCode, Confirmation } from '../../../common/contract/attendance';
import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import type { AttendanceDay } from '../../../database/entities/attendance';
import { byline } from '../substitution/byline';
import type { GroupRow } from './queries';

/** How attendance rows are worded for the screens: the day, the month and the nurse's view. */

export function groupView(g: Omit<GroupRow, 'institution'>, canEdit: boolean): AttendanceGroup {
  return { id: g.id, number: g.number, name: g.name, canEdit };
}

/** Who confirmed a group's day and when: "X (aizvieto Y)" when a substitute did. */
export function confirmationOf(
  day: AttendanceDay | undefined,
  names: Map<number, string>,
  locale: Locale,
): Confirmation | null {
  if (!day) return null;
  const byName = byline(locale, names, day.confirmedBy, day.onBehalfOf);
  return { byName, at: day.confirmedAt, late: day.late };
}

export function codeText(locale: Locale, code: CellCode): string {
  return code ?? message(locale, 'attendance.present');
}

/** Children in the order of the class list: surname, then first name, Latvian collation. */
export function byName(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
): number {
  return compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName);
}
