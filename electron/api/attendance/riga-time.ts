import { attendanceDeadline, isPast } from '../../../common/deadlines';
import { TIME_ZONE } from '../../../common/locale';
import { rigaDate } from '../clock';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Riga of an instant, "HH:MM" (Intl applies EET/EEST, so DST is right). */
export function rigaTime(instant: Date): string {
  return timeFormat.format(instant);
}

/**
 * Whether an entry for `date` made at `instant` is late: after the deadline ("HH:MM", Riga
 * time) of that day, or on a later day. Minute precision: 09:00:59 still counts as 09:00.
 */
export function isLate(date: string, instant: Date, deadline: string): boolean {
  return isPast(attendanceDeadline(date, deadline), rigaDate(instant), rigaTime(instant));
}
