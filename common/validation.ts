import { z } from 'zod';
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

/** Trimmed text with a visible maximum; empty after trimming counts as missing. */
export const text = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');
export const optionalText = (max: number) => z.string().trim().max(max, 'v.tooLong').default('');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'v.date')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'v.date',
  );
