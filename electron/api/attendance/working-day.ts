import { type WorkingCalendar } from '../../../common/calendar';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';

/** Why a date is not a working day (weekend, holiday, closure, moved day off); null if it is. */
export function offReason(calendar: WorkingCalendar, date: string, locale: Locale): string | null {
  const info = calendar.dayInfo(date);
  switch (info.kind) {
    case 'workday':
    case 'movedWorkday':
      return null;
    case 'holiday':
      return info.holidays[0].name[locale];
    case 'closure':
      return info.reason || message(locale, 'attendance.off.closure');
    default:
      return message(locale, `attendance.off.${info.kind}`);
  }
}

export interface Refusal {
  key: string;
  params: Record<string, string>;
}

/**
 * Why nothing may be marked or confirmed on `date`: it has not come yet (judged on `today`,
 * the backend's Riga date) or it is not a working day; null when it may.
 */
export function dayRefusal(
  calendar: WorkingCalendar,
  date: string,
  today: string,
  locale: Locale,
): Refusal | null {
  if (date > today) return { key: 'attendance.futureDay', params: { date: dmy(date) } };
  if (!calendar.isWorkingDay(date)) {
    const reason = offReason(calendar, date, locale) ?? '';
    return { key: 'attendance.notWorkingDay', params: { date: dmy(date), reason } };
  }
  return null;
}

/** Throws VALIDATION with the refusal's message unless the day may be confirmed. */
export function assertOpenDay(
  calendar: WorkingCalendar,
  date: string,
  today: string,
  locale: Locale,
): void {
  const refusal = dayRefusal(calendar, date, today, locale);
  if (refusal) throw new AppError('VALIDATION', refusal.key, refusal.params);
}
