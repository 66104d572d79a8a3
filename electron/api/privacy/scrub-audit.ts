import type { EntityManager } from 'typeorm';
import { ANONYMISED_TEXT } from '../../../common/contract/privacy';
import { mentions, replaceNames } from './names';

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

function scrub(value: unknown, replace: (text: string) => string, personal: boolean): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, replace, personal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        personal && PERSONAL.has(key) && v !== null && v !== ''
          ? ANONYMISED_TEXT
          : scrub(v, replace, personal),
      ]),
    );
  }
  return value;
}

function scrubText(
  text: string | null,
  replace: (text: string) => string,
  personal: boolean,
): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(scrub(JSON.parse(text), replace, personal));
  } catch {
    return replace(text);
  }
}

/**
 * Events linked to the children or about their guardians lose every personal field; any event
 * whose text holds one of their full names (a diary entry, a reason) loses the name.
 */
export async function scrubAudit(
  m: EntityManager,
  childIds: number[],
  guardianIds: number[],
  full: RegExp[],
): Promise<number> {
  const marks = (ids: readonly unknown[]) => (ids.length ? ids.map(() => '?').join(', ') : 'NULL');
  const linked = await m.query<{ id: number }[]>(
    'SELECT event_id AS id FROM audit_event_child WHERE child_id IN ' +
      `(${marks(childIds)}) UNION SELECT id FROM audit_event WHERE entity = 'guardian' ` +
      `AND entity_id IN (${marks(guardianIds)})`,
    [...childIds, ...guardianIds.map(String)],
  );
  const personal = new Set(linked.map((r) => Number(r.id)));
  // Every event is read once here: anonymising is rare, and a name may be in any free text.
  const all = await m.query<{ id: number; before: string | null; after: string | null }[]>(
    'SELECT id, before, after FROM audit_event WHERE before IS NOT NULL OR after IS NOT NULL',
  );
  const rows = all.filter(
    (r) =>
      personal.has(Number(r.id)) || mentions(r.before ?? '', full) || mentions(r.after ?? '', full),
  );
  const replace = (text: string) => replaceNames(text, full);
  let count = 0;
  for (const row of rows) {
    const own = personal.has(Number(row.id));
    const before = scrubText(row.before, replace, own);
    const after = scrubText(row.after, replace, own);
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
