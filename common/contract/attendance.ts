import { z } from 'zod';
import { isoDate, isoMonth, optionalText } from '../validation';
import { method, type Permissions } from './define';

/** The seed's absence codes (3.2): ill with a doctor's note, other justified, unjustified. */
export const ABSENCE_CODES = ['NS', 'NC', 'N'] as const;
export type AbsenceCode = (typeof ABSENCE_CODES)[number];
/** A cell's code; null = present (the default). */
export type CellCode = AbsenceCode | null;
/** In which capacity someone set a code (the history tells teacher, nurse and substitute apart). */
export type MarkRole = 'teacher' | 'nurse' | 'substitute';

const id = z.number({ invalid_type_error: 'v.required' }).int().positive();
// A refinement rather than z.enum: the router's error map would word an enum as 'v.oneOf'.
const code = z
  .string()
  .refine(
    (v): v is AbsenceCode => (ABSENCE_CODES as readonly string[]).includes(v),
    'attendance.badCode',
  );
const month = isoMonth;

export interface AttendanceGroup {
  id: number;
  number: number | null;
  name: string;
  /** The caller may enter or correct codes in this group on the asked date. */
  canEdit: boolean;
}

export interface Confirmation {
  byName: string;
  at: string;
  late: boolean;
}

export interface DayChild {
  childId: number;
  firstName: string;
  lastName: string;
  code: CellCode;
  /** The last change was the nurse's correction. */
  corrected: boolean;
}

export interface AttendanceDayView {
  group: AttendanceGroup;
  date: string;
  working: boolean;
  /** Why the day is not a working day (weekend, holiday, closure, moved day off), else null. */
  offReason: string | null;
  future: boolean;
  deadline: string;
  confirmation: Confirmation | null;
  /** Unconfirmed and the deadline of that day has passed (backend clock, Riga time). */
  late: boolean;
  children: DayChild[];
}

export interface MonthDay {
  date: string;
  working: boolean;
  future: boolean;
}

export interface MonthTotals {
  present: number;
  NS: number;
  NC: number;
  N: number;
}

export interface MonthChild {
  childId: number;
  firstName: string;
  lastName: string;
  /** Enrolment in this group within the month (first day, last day). */
  from: string;
  to: string;
  /** Absence codes by date; dates not listed are present (or outside the enrolment). */
  codes: Record<string, AbsenceCode>;
  corrected: string[];
  totals: MonthTotals;
}

export interface AttendanceMonth {
  group: AttendanceGroup;
  month: string;
  institution: string;
  days: MonthDay[];
  children: MonthChild[];
  /** Per working day: children present and absent. */
  dayTotals: Record<string, MonthTotals>;
  totals: MonthTotals;
}

export interface NurseGroupDay {
  group: AttendanceGroup;
  enrolled: number;
  confirmation: Confirmation | null;
  late: boolean;
  absentees: DayChild[];
}

export interface NurseDay {
  date: string;
  working: boolean;
  offReason: string | null;
  future: boolean;
  groups: NurseGroupDay[];
  check: { byName: string; at: string } | null;
}

export interface MarkHistoryEntry {
  at: string;
  byName: string;
  as: MarkRole;
  oldCode: CellCode;
  newCode: CellCode;
  reason: string | null;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface GroupSummary {
  group: AttendanceGroup;
  present: number;
  NS: number;
  NC: number;
  N: number;
  /** present / (present + absences), 0–100, one decimal; null when no child-days. */
  percent: number | null;
}

const dateOfGroup = z.object({ groupId: id, date: isoDate }).strict();

export const saveMarksSchema = z
  .object({
    groupId: id,
    changes: z
      .array(
        z
          .object({
            childId: id,
            date: isoDate,
            /** The code the client loaded: the save is refused if it has changed since. */
            expected: code.nullable(),
            code: code.nullable(),
          })
          .strict(),
      )
      .min(1, 'attendance.nothingToSave')
      .max(2000),
    reason: optionalText(300),
  })
  .strict();

/** The attendance API: a zod schema of the input and the result type, per method. */
export const attendanceContract = {
  /** Groups the caller sees on a date (a teacher: her own; the others: all active ones). */
  'attendance.groups': method<AttendanceGroup[]>()(z.object({ date: isoDate }).strict()),
  'attendance.day': method<AttendanceDayView>()(dateOfGroup),
  /** Sets or corrects codes; all or nothing, refused per cell on conflicts. */
  'attendance.save': method<{ saved: number }>()(saveMarksSchema),
  'attendance.confirm': method<Confirmation>()(dateOfGroup),
  'attendance.month': method<AttendanceMonth>()(z.object({ groupId: id, month }).strict()),
  'attendance.nurseDay': method<NurseDay>()(z.object({ date: isoDate }).strict()),
  'attendance.nurseConfirm': method<{ byName: string; at: string }>()(
    z.object({ date: isoDate }).strict(),
  ),
  'attendance.history': method<MarkHistoryEntry[]>()(
    z.object({ childId: id, date: isoDate }).strict(),
  ),
  'attendance.export': method<ExportedFile>()(
    z.object({ groupId: id, month, format: z.enum(['pdf', 'xlsx']) }).strict(),
  ),
  'attendance.summary': method<GroupSummary[]>()(z.object({ month }).strict()),
};

const readers = ['head', 'deputy', 'teacher', 'nurse'] as const;

export const attendancePermissions: Permissions<typeof attendanceContract> = {
  'attendance.groups': readers,
  'attendance.day': readers,
  'attendance.save': ['teacher', 'nurse'],
  'attendance.confirm': ['teacher'],
  'attendance.month': readers,
  'attendance.nurseDay': ['head', 'deputy', 'nurse'],
  'attendance.nurseConfirm': ['nurse'],
  'attendance.history': readers,
  'attendance.export': readers,
  'attendance.summary': ['head', 'deputy', 'nurse'],
};
