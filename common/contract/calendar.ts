import { z } from 'zod';
import { isoDate, optionalText, yearNumber } from '../validation';
import { method, type Permissions } from './define';

const id = z.number({ invalid_type_error: 'v.required' }).int().positive();

/**
 * One of the head's entries in the working calendar (DOMAIN 3.2): a closure of the kindergarten
 * or an extra moved working day. Public holidays and the state's transfers are built in.
 */
export interface CalendarEntry {
  id: number;
  date: string;
  kind: 'moved' | 'closure';
  /** For a moved day: the Saturday worked instead. */
  workSaturday: string | null;
  reason: string | null;
}

export const calendarAddSchema = z
  .object({
    kind: z.enum(['moved', 'closure']),
    date: isoDate,
    workSaturday: isoDate.nullable().default(null),
    reason: optionalText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'moved' && !v.workSaturday) {
      ctx.addIssue({ code: 'custom', path: ['workSaturday'], message: 'v.required' });
    }
  });

/** The working-calendar API: a zod schema of the input and the result type, per method. */
export const calendarContract = {
  'calendar.list': method<CalendarEntry[]>()(z.object({ year: yearNumber }).strict()),
  'calendar.add': method<CalendarEntry>()(calendarAddSchema),
  'calendar.remove': method<void>()(z.object({ id }).strict()),
};

export const calendarPermissions: Permissions<typeof calendarContract> = {
  'calendar.list': ['head'],
  'calendar.add': ['head'],
  'calendar.remove': ['head'],
};
