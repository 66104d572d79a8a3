import { shiftMonths } from '../../../../common/dates';
import { i18n } from '../../i18n';

/** "X (aizvieto Y)" when the author stood in for an absent teacher, else the author's name. */
export function authorLabel(row: { authorName: string; onBehalfOfName: string | null }): string {
  return row.onBehalfOfName
    ? i18n.global.t('journals.onBehalf', { name: row.authorName, absent: row.onBehalfOfName })
    : row.authorName;
}

/** The month of `today` and the eleven before it, newest first ('YYYY-MM'). */
export function recentMonths(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: 12 }, (_, n) => shiftMonths(first, -n).slice(0, 7));
}
