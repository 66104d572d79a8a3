import { z } from 'zod';
import { EMAIL_MAX_LENGTH, isEmailAddress } from '../email-address';
import { parsePersonalCode, PERSONAL_CODE_MESSAGE_KEYS } from '../personal-code';
import { isoDate, nameText, optionalBirthDate, optionalIsoDate, yearNumber } from '../validation';
import { method, type Permissions } from './define';
import { pageShape, type Page } from './paging';

/* ---------- shared field schemas ---------- */

export const GUARDIAN_RELATIONS = ['mother', 'father', 'guardian', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

/** Consents a guardian may give (stored as a JSON array in guardian.consents). */
export const CONSENTS = ['register', 'photos', 'walks'] as const;
export type Consent = (typeof CONSENTS)[number];

export const id = z.number({ invalid_type_error: 'v.required' }).int().positive();
const optionalDate = optionalIsoDate;

/**
 * A phone number: Latvian 8 digits (a leading +371 is dropped), or international with +.
 * Spaces and hyphens are allowed while typing and removed.
 */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, 'v.tooLong')
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => /^\d{8}$/.test(s) || /^\+\d{8,15}$/.test(s), 'people.phone')
  .transform((s) => (/^\+371\d{8}$/.test(s) ? s.slice(4) : s));

export const optionalPhone = z
  .string()
  .trim()
  .max(30, 'v.tooLong')
  .optional()
  .transform((s) => (s ?? '').replace(/[\s-]/g, ''))
  .refine((s) => s === '' || /^\d{8}$/.test(s) || /^\+\d{8,15}$/.test(s), 'people.phone')
  .transform((s) => (s === '' ? null : /^\+371\d{8}$/.test(s) ? s.slice(4) : s));

export const optionalEmail = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH, 'v.tooLong')
  .refine((s) => s === '' || isEmailAddress(s), 'people.email')
  .optional()
  .transform((v) => (v ? v : null));

/** Accepted with or without the hyphen; the refusal names the rule that failed. */
export const personalCodeSchema = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(20, 'v.tooLong')
  .superRefine((s, ctx) => {
    const parsed = parsePersonalCode(s);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: PERSONAL_CODE_MESSAGE_KEYS[parsed.reason] });
    }
  });

/**
 * Child fields with the code rules that need two fields: a new-format code carries no date of
 * birth, so it must be given; an old-format code's date must agree with a date given.
 */
function childFields<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({
      firstName: nameText(60),
      lastName: nameText(60),
      personalCode: personalCodeSchema,
      birthDate: optionalBirthDate,
      ...shape,
    })
    .strict()
    .superRefine((value, ctx) => {
      const v = value as { personalCode: string; birthDate: string | null };
      const parsed = parsePersonalCode(v.personalCode);
      if (!parsed.ok) return;
      if (parsed.format === 'new' && !v.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'people.birthDateRequired' });
      }
      if (parsed.format === 'old' && v.birthDate && v.birthDate !== parsed.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'people.birthDateMismatch' });
      }
    });
}

function dateRange<T extends z.ZodTypeAny>(schema: T, from: string, to: string): z.ZodEffects<T> {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    const a = v[from];
    const b = v[to];
    if (typeof a === 'string' && typeof b === 'string' && b < a) {
      ctx.addIssue({ code: 'custom', path: [to], message: 'people.dateOrder' });
    }
  }) as z.ZodEffects<T>; // zod types superRefine on a generic schema loosely
}

/* ---------- groups ---------- */

export interface GroupTeacherSummary {
  id: number;
  userId: number;
  fullName: string;
  fromDate: string;
  toDate: string | null;
}

export interface GroupSummary {
  id: number;
  number: number | null;
  name: string;
  /** "3. grupa «Zīlītes»" */
  label: string;
  ageFromMonths: number;
  ageToMonths: number;
  capacity: number;
  schoolYear: number;
  activeFrom: string;
  activeTo: string;
  teachers: GroupTeacherSummary[];
  /** Children enrolled on the date asked for (today by default). */
  childCount: number;
}

const groupShape = {
  number: z
    .number({ invalid_type_error: 'v.number' })
    .int('v.number')
    .min(1, 'v.number')
    .max(99, 'v.number')
    .nullable(),
  name: nameText(60),
  ageFromMonths: z
    .number({ invalid_type_error: 'v.required' })
    .int('v.number')
    .min(0, 'v.number')
    .max(96, 'v.number'),
  ageToMonths: z
    .number({ invalid_type_error: 'v.required' })
    .int('v.number')
    .min(0, 'v.number')
    .max(96, 'v.number'),
  capacity: z
    .number({ invalid_type_error: 'v.required' })
    .int('v.number')
    .min(1, 'v.number')
    .max(60, 'v.number'),
  schoolYear: yearNumber,
  activeFrom: isoDate,
  activeTo: isoDate,
};

function groupRules<T extends z.ZodTypeAny>(schema: T) {
  return dateRange(schema, 'activeFrom', 'activeTo').superRefine((value, ctx) => {
    const v = value as { ageFromMonths: number; ageToMonths: number };
    if (v.ageToMonths < v.ageFromMonths) {
      ctx.addIssue({ code: 'custom', path: ['ageToMonths'], message: 'people.ageOrder' });
    }
  });
}

export const createGroupSchema = groupRules(z.object(groupShape).strict());
export const updateGroupSchema = groupRules(z.object({ id, ...groupShape }).strict());

export const assignTeacherSchema = dateRange(
  z.object({ groupId: id, userId: id, fromDate: isoDate, toDate: optionalDate }).strict(),
  'fromDate',
  'toDate',
);

export const endTeacherSchema = z.object({ assignmentId: id, toDate: isoDate }).strict();

/* ---------- children ---------- */

export interface EnrolmentSummary {
  id: number;
  groupId: number;
  groupLabel: string;
  fromDate: string;
  toDate: string | null;
}

export interface ChildSummary {
  id: number;
  firstName: string;
  lastName: string;
  /** Always masked ('120785-*****'); head and deputy reveal it with children.revealCode. */
  personalCode: string;
  birthDate: string;
  /** The enrolment on the date asked for, if any. */
  group: { id: number; label: string } | null;
}

export interface ChildGuardianSummary {
  guardianId: number;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  /** Agreed in writing (the application of 2.3) to receive the register's e-mail. */
  agreesEmail: boolean;
  relation: GuardianRelation;
  consents: Consent[];
}

export interface ChildDetail extends ChildSummary {
  enrolments: EnrolmentSummary[];
  guardians: ChildGuardianSummary[];
}

export const listChildrenSchema = z
  .object({
    search: z.string().trim().max(60, 'v.tooLong').optional(),
    groupId: id.optional(),
    /** Whose enrolment counts; today by default. */
    date: isoDate.optional(),
    /** Also children who are in no group on the date (head, deputy). */
    includeLeft: z.boolean().optional(),
    ...pageShape,
  })
  .strict();

export const createChildSchema = childFields({ groupId: id, fromDate: isoDate });
export const updateChildSchema = childFields({ id });
export const moveChildSchema = z.object({ childId: id, groupId: id, fromDate: isoDate }).strict();
export const leaveChildSchema = z.object({ childId: id, toDate: isoDate }).strict();

/* ---------- guardians ---------- */

export interface GuardianSummary {
  id: number;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  agreesEmail: boolean;
  consents: Consent[];
  children: { childId: number; name: string; relation: GuardianRelation }[];
}

const guardianShape = {
  firstName: nameText(60),
  lastName: nameText(60),
  phone: optionalPhone,
  email: optionalEmail,
  consents: z.array(z.enum(CONSENTS)).max(CONSENTS.length).default([]),
  agreesEmail: z.boolean().default(false),
};

/** Agreeing to e-mail needs an address to send it to. */
export function emailForConsent(
  value: { email: string | null; agreesEmail: boolean },
  ctx: z.RefinementCtx,
): void {
  if (value.agreesEmail && !value.email) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'people.emailForConsent' });
  }
}

export const createGuardianSchema = z
  .object({ ...guardianShape, childId: id, relation: z.enum(GUARDIAN_RELATIONS) })
  .strict()
  .superRefine(emailForConsent);
export const updateGuardianSchema = z
  .object({ id, ...guardianShape })
  .strict()
  .superRefine(emailForConsent);
export const linkGuardianSchema = z
  .object({ guardianId: id, childId: id, relation: z.enum(GUARDIAN_RELATIONS) })
  .strict();
export const unlinkGuardianSchema = z.object({ guardianId: id, childId: id }).strict();

/* ---------- the contract ---------- */

const empty = z.object({}).strict();

/** The people API: a zod schema of the input and the result type, per method. */
export const peopleContract = {
  /** Groups the caller may see, active on the date (today by default) unless `all`. */
  'groups.list': method<GroupSummary[]>()(
    z.object({ date: isoDate.optional(), all: z.boolean().optional() }).strict(),
  ),
  'groups.create': method<GroupSummary>()(createGroupSchema),
  'groups.update': method<GroupSummary>()(updateGroupSchema),
  'groups.assignTeacher': method<GroupTeacherSummary>()(assignTeacherSchema),
  /** Ends a teacher's assignment on a date (history kept). */
  'groups.endTeacher': method<void>()(endTeacherSchema),
  /** Active users with the teacher role, to assign to groups. */
  'groups.teachers': method<{ id: number; fullName: string }[]>()(empty),

  /** A page of the day's children in the Latvian order of names, with the total. */
  'children.list': method<Page<ChildSummary>>()(listChildrenSchema),
  'children.get': method<ChildDetail>()(z.object({ id }).strict()),
  'children.create': method<ChildDetail>()(createChildSchema),
  'children.update': method<ChildDetail>()(updateChildSchema),
  /** Ends the current enrolment the day before and starts one in the new group. */
  'children.move': method<ChildDetail>()(moveChildSchema),
  'children.leave': method<ChildDetail>()(leaveChildSchema),
  /** The full code, for head and deputy; every reveal is written to the audit log. */
  'children.revealCode': method<{ personalCode: string }>()(z.object({ id }).strict()),

  'guardians.list': method<GuardianSummary[]>()(
    z.object({ search: z.string().trim().max(60, 'v.tooLong').optional() }).strict(),
  ),
  'guardians.create': method<GuardianSummary>()(createGuardianSchema),
  'guardians.update': method<GuardianSummary>()(updateGuardianSchema),
  'guardians.link': method<void>()(linkGuardianSchema),
  'guardians.unlink': method<void>()(unlinkGuardianSchema),
};

const ALL = ['head', 'deputy', 'teacher', 'speech', 'nurse'] as const;
const MANAGERS = ['head', 'deputy'] as const;
const DEPUTY = ['deputy'] as const;

/**
 * ARCHITECTURE roles: children and parents — head read, deputy write, teacher read own groups,
 * speech therapist and nurse read. Groups are set up by the head and the deputy.
 */
export const peoplePermissions: Permissions<typeof peopleContract> = {
  'groups.list': ALL,
  'groups.create': MANAGERS,
  'groups.update': MANAGERS,
  'groups.assignTeacher': MANAGERS,
  'groups.endTeacher': MANAGERS,
  'groups.teachers': MANAGERS,
  'children.list': ALL,
  'children.get': ALL,
  'children.create': DEPUTY,
  'children.update': DEPUTY,
  'children.move': DEPUTY,
  'children.leave': DEPUTY,
  'children.revealCode': MANAGERS,
  'guardians.list': MANAGERS,
  'guardians.create': DEPUTY,
  'guardians.update': DEPUTY,
  'guardians.link': DEPUTY,
  'guardians.unlink': DEPUTY,
};
