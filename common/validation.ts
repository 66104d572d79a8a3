import { z } from 'zod';
import { monthLength } from './dates';
import type { Locale } from './locale';
import { message } from './messages';

function issueParams(issue: z.ZodIssue): Record<string, number> {
  const params: Record<string, number> = {};
  if ('minimum' in issue) params.min = Number(issue.minimum);
  if ('maximum' in issue) params.max = Number(issue.maximum);
  return params;
}

/** The message key for one of zod's own issues (schemas name their keys themselves). */
function defaultKey(issue: z.ZodIssueOptionalMessage): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined' || issue.received === 'null'
        ? 'v.required'
        : 'v.invalid';
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return Number(issue.minimum) <= 1 ? 'v.required' : 'v.tooShort';
      return 'v.invalid';
    case z.ZodIssueCode.too_big:
      return issue.type === 'string' ? 'v.tooLong' : 'v.invalid';
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
      return 'v.oneOf';
    default:
      return 'v.invalid';
  }
}

/** Error map that leaves message keys in the issues; fieldErrors renders them. */
export const keyErrorMap: z.ZodErrorMap = (issue) => ({ message: defaultKey(issue) });

/**
 * Flattens zod issues to { "path.to.field": message } in the user's language, the first
 * message per field. Schemas carry message keys from common/messages.ts, so the router and
 * the renderer's forms word a refusal the same way.
 */
export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    out[path] ??= message(locale, issue.message, issueParams(issue));
  }
  return out;
}

/** Parses with message keys; returns the data or the rendered per-field messages. */
export function validate<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  locale: Locale,
): { ok: true; data: z.output<S> } | { ok: false; fields: Record<string, string> } {
  const result = schema.safeParse(input, { errorMap: keyErrorMap });
  return result.success
    ? { ok: true, data: result.data as z.output<S> }
    : { ok: false, fields: fieldErrors(result.error, locale) };
}

/**
 * Characters a person would never type into a form but that change how text shows: C0/C1
 * controls (NUL, BEL…) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which can show "Anna" as "annA" in a list or a print. Line breaks and tabs
 * are allowed in free text, not in names.
 */
const HIDDEN_IN_TEXT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** For names also line breaks, tabs, the direction marks and zero-width characters. */
const HIDDEN_IN_NAME =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;

/** Trimmed text with a visible maximum; empty after trimming counts as missing. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'v.required')
    .max(max, 'v.tooLong')
    .refine((s) => !HIDDEN_IN_TEXT.test(s), 'v.controlChars');
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'v.tooLong')
    .refine((s) => !HIDDEN_IN_TEXT.test(s), 'v.controlChars')
    .default('');

/**
 * A name of a person, a group or the institution: one line of visible characters. The one
 * type for every name the contract takes, so no list or print shows a name that lies.
 */
export const nameText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'v.required')
    .max(max, 'v.tooLong')
    .refine((s) => !HIDDEN_IN_NAME.test(s), 'v.nameChars');

/** The register's dates: a day the working calendar knows (it covers 2000–2100). */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';
/** Birth dates reach further back: a guardian or an old personal code may be from 1900 on. */
export const BIRTH_DATE_MIN = '1900-01-01';

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `YYYY-MM-DD` of a real day (no 31 February), any year; the range is checked after. The day is
 * checked by arithmetic, not by making two Date objects: every call with a date passes here.
 */
const calendarDay = z
  .string()
  .regex(DAY_SHAPE, 'v.date')
  .refine((s) => {
    if (!DAY_SHAPE.test(s)) return false;
    const month = Number(s.slice(5, 7));
    const day = Number(s.slice(8, 10));
    return (
      month >= 1 && month <= 12 && day >= 1 && day <= monthLength(Number(s.slice(0, 4)), month)
    );
  }, 'v.date');

/**
 * The one date type of the contract: an ISO day from 2000 to 2100. A day outside it would
 * break the working calendar (and with it every attendance call), so it is refused here.
 */
export const isoDate = calendarDay.refine((s) => s >= DATE_MIN && s <= DATE_MAX, 'v.dateRange');

/** A date of birth: 1900 to 2100. */
export const birthDate = calendarDay.refine(
  (s) => s >= BIRTH_DATE_MIN && s <= DATE_MAX,
  'v.birthDateRange',
);

/** A month `YYYY-MM` within the same years as isoDate. */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.month')
  .refine((s) => s >= DATE_MIN.slice(0, 7) && s <= DATE_MAX.slice(0, 7), 'v.monthRange');

/** A calendar or school year, as a number, within the same years. */
export const yearNumber = z
  .number({ invalid_type_error: 'v.required' })
  .int('v.year')
  .min(Number(DATE_MIN.slice(0, 4)), 'v.year')
  .max(Number(DATE_MAX.slice(0, 4)), 'v.year');

/**
 * An optional date ('' and null mean none). Not a z.union: a union's refusal would hide the
 * field's own message behind 'v.invalid'.
 */
export const optionalIsoDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v || null)
  .superRefine((v, ctx) => {
    if (v === null) return;
    const parsed = isoDate.safeParse(v);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message });
  });

/** An optional date of birth, the same way. */
export const optionalBirthDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v || null)
  .superRefine((v, ctx) => {
    if (v === null) return;
    const parsed = birthDate.safeParse(v);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message });
  });
