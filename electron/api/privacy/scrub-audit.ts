import type { EntityManager } from 'typeorm';
import { ANONYMISED_TEXT } from '../../../common/contract/privacy';

/**
 * The audit events about anonymised children and guardians lose the personal values they
 * recorded (names, codes, contacts, free text). No program path edits an event otherwise: this
 * is the erasure the retention rule asks for, and it is itself recorded (with counts).
 */

/** Fields whose value is a person's data or free text; other fields (dates, codes, ids) stay. */
const PERSONAL = new Set([
  'firstName',
  'lastName',
  'birthDate',
  'personalCode',
  'phone',
  'email',
  'parentName',
  'parentPhone',
  'childName',
  'content',
  'agreed',
  'reason',
  'refusalReason',
  'participants',
]);

function scrub(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, replace));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        PERSONAL.has(key) && v !== null && v !== '' ? ANONYMISED_TEXT : scrub(v, replace),
      ]),
    );
  }
  return value;
}

function scrubText(text: string | null, replace: (text: string) => string): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(scrub(JSON.parse(text), replace));
  } catch {
    return replace(text);
  }
}

export async function scrubAudit(
  m: EntityManager,
  childIds: number[],
  guardianIds: number[],
  names: string[],
  replaceNames: (text: string, names: readonly string[]) => string,
): Promise<number> {
  const marks = (ids: readonly unknown[]) => (ids.length ? ids.map(() => '?').join(', ') : 'NULL');
  const lastNames = [...new Set(names.map((n) => n.split(' ').pop() ?? n))];
  const rows = await m.query<{ id: number; before: string | null; after: string | null }[]>(
    'SELECT id, before, after FROM audit_event WHERE id IN (SELECT event_id FROM ' +
      `audit_event_child WHERE child_id IN (${marks(childIds)})) ` +
      `OR (entity = 'guardian' AND entity_id IN (${marks(guardianIds)})) ` +
      `OR (entity = 'diary_entry' AND (${lastNames.map(() => '(before LIKE ? OR after LIKE ?)').join(' OR ') || '0'}))`,
    [
      ...childIds,
      ...guardianIds.map(String),
      ...lastNames.flatMap((n) => [`%${n}%`, `%${n}%`]),
    ],
  );
  const replace = (text: string) => replaceNames(text, names);
  let count = 0;
  for (const row of rows) {
    const before = scrubText(row.before, replace);
    const after = scrubText(row.after, replace);
    if (before === row.before && after === row.after) continue;
    await m.query('UPDATE audit_event SET before = ?, after = ? WHERE id = ?', [
      before,
      after,
      row.id,
    ]);
    count++;
  }
  return count;
}
