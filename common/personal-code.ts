/**
 * Latvian personal code (personas kods), shared by the backend and the renderer: plain
 * TypeScript, no Node built-ins, no clock (the result never depends on today's date).
 *
 * Storage: the normalised form is 11 digits WITHOUT the hyphen ('12078512347'), so that a
 * unique index and look-ups see one spelling per person. Display adds the hyphen
 * ('120785-12347', formatPersonalCode) or masks the tail ('120785-*****', maskPersonalCode).
 *
 * Two formats (see docs reference "personal_code"):
 * - old, issued until 30.06.2017: DDMMYY-CNNNK, C = century (0 → 1800s, 1 → 1900s, 2 → 2000s),
 *   K = check digit. The date must exist and be no later than 2017-06-30.
 * - new, issued from 01.07.2017: '3', then 2–9, then random digits. No date of birth in it and
 *   no documented check digit, so only the shape is checked; the caller must store the date of
 *   birth separately.
 * Codes starting with '30'/'31' are old codes (born on the 30th/31st); '32'–'39' are new.
 */
import { daysInMonth } from './dates';

export type PersonalCodeFormat = 'old' | 'new';

/** Why a code was refused; PERSONAL_CODE_MESSAGE_KEYS maps each to a translatable key. */
export type PersonalCodeError = 'shape' | 'date' | 'checksum' | 'remainder10' | 'newFormatShape';

export type ParsedPersonalCode =
  | { ok: true; code: string; format: 'old'; /** YYYY-MM-DD */ birthDate: string }
  | { ok: true; code: string; format: 'new'; birthDate?: undefined }
  | { ok: false; reason: PersonalCodeError };

/** Message keys for the refusals (texts belong in common/messages.ts). */
export const PERSONAL_CODE_MESSAGE_KEYS = {
  shape: 'v.personalCode.shape',
  date: 'v.personalCode.date',
  checksum: 'v.personalCode.checksum',
  remainder10: 'v.personalCode.checksum',
  newFormatShape: 'v.personalCode.newFormatShape',
} as const satisfies Record<PersonalCodeError, string>;

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// Old-format codes stopped being issued on this day.
const LAST_OLD_FORMAT_DATE = '2017-06-30';

/**
 * 11 digits without the hyphen, or null. Accepts surrounding whitespace and one optional
 * hyphen after the sixth digit; nothing else (no inner spaces, no other dashes, ASCII digits
 * only), so a typo is reported rather than silently repaired.
 */
export function normalisePersonalCode(input: string): string | null {
  const match = /^([0-9]{6})-?([0-9]{5})$/.exec(input.trim());
  return match ? match[1] + match[2] : null;
}

/** The old-format remainder (1101 - S) mod 11 over the first ten digits; 10 is never issued. */
function checkRemainder(digits: string): number {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(digits[i]) * WEIGHTS[i];
  return (1101 - sum) % 11;
}

/**
 * Whether the 11th digit matches the old-format check digit. Meaningful for old codes only:
 * new codes have random digits and pass or fail it by chance.
 */
export function validChecksum(code: string): boolean {
  const digits = normalisePersonalCode(code);
  if (digits === null) return false;
  const remainder = checkRemainder(digits);
  return remainder < 10 && remainder === Number(digits[10]);
}

export function parsePersonalCode(input: string): ParsedPersonalCode {
  const code = normalisePersonalCode(input);
  if (code === null) return { ok: false, reason: 'shape' };
  if (/^3[2-9]/.test(code)) return { ok: true, code, format: 'new' };

  const day = Number(code.slice(0, 2));
  const month = Number(code.slice(2, 4));
  const century = Number(code[6]);
  if (day < 1 || day > 31 || month < 1 || month > 12 || century > 2) {
    // '30'/'31' + something that is no date: most likely a new code mistyped as 30…/31….
    return { ok: false, reason: code[0] === '3' ? 'newFormatShape' : 'date' };
  }
  const year = 1800 + century * 100 + Number(code.slice(4, 6));
  if (day > daysInMonth(year, month)) return { ok: false, reason: 'date' };
  const birthDate = `${year}-${code.slice(2, 4)}-${code.slice(0, 2)}`;
  if (birthDate > LAST_OLD_FORMAT_DATE) return { ok: false, reason: 'date' };

  const remainder = checkRemainder(code);
  if (remainder === 10) return { ok: false, reason: 'remainder10' };
  if (remainder !== Number(code[10])) return { ok: false, reason: 'checksum' };
  return { ok: true, code, format: 'old', birthDate };
}

/** 'DDMMYY-NNNNN'; input that is not a code comes back trimmed but otherwise unchanged. */
export function formatPersonalCode(code: string): string {
  const digits = normalisePersonalCode(code);
  return digits === null ? code.trim() : `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/**
 * First six digits and '-*****' for lists and printouts. Input that is not a code is masked
 * completely, so a garbled value never leaks more than a good one would.
 */
export function maskPersonalCode(code: string): string {
  const digits = normalisePersonalCode(code);
  return `${digits === null ? '******' : digits.slice(0, 6)}-*****`;
}
