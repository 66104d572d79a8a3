import { z } from 'zod';
import { nameText } from '../validation';
import { institutionSchema } from './auth';
import { method, type Permissions } from './define';

/** The shortest idle logout a kindergarten may set; the router skips the lookup below it. */
export const MIN_IDLE_MINUTES = 1;

/**
 * The settings a new kindergarten starts with. The migrations keep their own literals: they
 * describe the schema as it was made, and the drift test flags an entity that moves away.
 */
export const DEFAULT_ATTENDANCE_DEADLINE: string = '09:00';
export const DEFAULT_IDLE_MINUTES: number = 10;

export interface InstitutionSettings {
  name: string;
  regNo: string;
  address: string;
  /** Local time (Europe/Riga) by which daily attendance is due, "HH:MM". */
  attendanceDeadline: string;
  idleMinutes: number;
  /** "MM-DD": the school year runs from this day to the day before it a year later. */
  schoolYearStart: string;
  /** "MM-DD", derived: the day before the start. */
  schoolYearEnd: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const timeOfDay = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'v.time');

/** "MM-DD" of a real day (29 February excluded: it would not exist every year). */
export const monthDay = z
  .string()
  .trim()
  .regex(/^\d{2}-\d{2}$/, 'settings.monthDay')
  .refine((s) => {
    const [m, d] = s.split('-').map(Number);
    return m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1] && s !== '02-29';
  }, 'settings.monthDay');

export const settingsSchema = institutionSchema
  .extend({
    name: nameText(200),
    attendanceDeadline: timeOfDay,
    idleMinutes: z
      .number({ invalid_type_error: 'v.required' })
      .int('settings.idleMinutes')
      .min(MIN_IDLE_MINUTES, 'settings.idleMinutes')
      .max(240, 'settings.idleMinutes'),
    schoolYearStart: monthDay,
  })
  .strict();

/** The day before "MM-DD" in a non-leap year, "MM-DD". */
export function dayBefore(monthDayValue: string): string {
  const [m, d] = monthDayValue.split('-').map(Number);
  const date = new Date(Date.UTC(2025, m - 1, d - 1));
  return date.toISOString().slice(5, 10);
}

/** The settings API: a zod schema of the input and the result type, per method. */
export const settingsContract = {
  'settings.get': method<InstitutionSettings>()(z.object({}).strict()),
  'settings.update': method<InstitutionSettings>()(settingsSchema),
};

export const settingsPermissions: Permissions<typeof settingsContract> = {
  'settings.get': ['head'],
  'settings.update': ['head'],
};
