import { dmy } from '../../../common/dates';
import type { Obligation, Outcome } from '../../../common/deadlines';
import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';
import { rigaDate } from '../clock';

/** How the report's files and the archive word obligations and items (the screens' i18n too). */

export const obligationName = (locale: Locale, o: Obligation) =>
  message(locale, `overview.obligation.${o}`);

export const outcomeName = (locale: Locale, o: Outcome) => message(locale, `overview.outcome.${o}`);

/** A date, or an instant's day in Riga, as dd.mm.yyyy. */
export function dayOf(value: string | null): string {
  if (!value) return '';
  return dmy(value.length > 10 ? rigaDate(new Date(value)) : value);
}

export { safeName } from '../planning/pdf';
