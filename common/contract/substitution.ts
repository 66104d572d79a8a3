import { z } from 'zod';
import { isoDate, optionalText } from '../validation';
import { method, type Permissions } from './define';
import { pageShape, schoolYearSchema, type ListOption, type YearPage } from './paging';

const id = z.number().int().positive();

/** Where a substitution stands on the backend's today. */
export type SubstitutionStatus = 'planned' | 'active' | 'ended';

export interface SubstitutionRow {
  id: number;
  group: { id: number; label: string };
  substitute: { id: number; name: string };
  absent: { id: number; name: string };
  fromDate: string;
  toDate: string;
  note: string;
  status: SubstitutionStatus;
  createdByName: string;
  /** What the substitute entered on the absent teacher's behalf (audit events). */
  entryCount: number;
}

/** A page of substitutions of a school year, with the choices of its filters. */
export interface SubstitutionPage extends YearPage<SubstitutionRow> {
  groups: ListOption[];
  /** The teachers in the year's substitutions she reads, on either side. */
  teachers: ListOption[];
}

/** The groups of a period with their teachers, and every active teacher: the form's choices. */
export interface SubstitutionOptions {
  groups: { id: number; label: string; teachers: { id: number; name: string }[] }[];
  teachers: { id: number; name: string }[];
}

/** One thing a substitute entered on the absent teacher's behalf. */
export interface SubstitutionEntry {
  at: string;
  byName: string;
  /** The audit action ('attendance.mark', 'journals.create', …); the UI names it. */
  action: string;
  /** The day or record it concerned, readable ("03.12.2026", "3 atzīmes"). */
  summary: string;
}

export const createSubstitutionSchema = z
  .object({
    groupId: id,
    absentId: id,
    substituteId: id,
    fromDate: isoDate,
    toDate: isoDate,
    note: optionalText(500),
  })
  .strict()
  .refine((s) => !(s.fromDate && s.toDate) || s.toDate >= s.fromDate, {
    path: ['toDate'],
    message: 'substitution.endBeforeStart',
  })
  .refine((s) => s.absentId !== s.substituteId, {
    path: ['substituteId'],
    message: 'substitution.self',
  });

export const substitutionContract = {
  /**
   * Head and deputy: every substitution; a teacher: those where she substitutes or is
   * substituted. Those touching a school year (the current one by default), newest first,
   * filtered by group and teacher (either side), a page at a time.
   */
  'substitution.list': method<SubstitutionPage>()(
    z
      .object({
        schoolYear: schoolYearSchema.optional(),
        groupId: id.optional(),
        teacherId: id.optional(),
        ...pageShape,
      })
      .strict(),
  ),
  /** The choices of the form for a period. */
  'substitution.options': method<SubstitutionOptions>()(
    z.object({ fromDate: isoDate, toDate: isoDate }).strict(),
  ),
  'substitution.create': method<SubstitutionRow>()(createSubstitutionSchema),
  /**
   * Ends a substitution early: one that has not begun is removed, a running one ends
   * yesterday (the substitute loses the group at once).
   */
  'substitution.end': method<{ removed: boolean }>()(z.object({ id }).strict()),
  /** What was entered on the absent teacher's behalf during one substitution. */
  'substitution.entries': method<SubstitutionEntry[]>()(z.object({ id }).strict()),
};

const MANAGERS = ['head', 'deputy'] as const;

export const substitutionPermissions: Permissions<typeof substitutionContract> = {
  'substitution.list': ['head', 'deputy', 'teacher'],
  'substitution.options': MANAGERS,
  'substitution.create': MANAGERS,
  'substitution.end': MANAGERS,
  'substitution.entries': ['head', 'deputy', 'teacher'],
};
