import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../../../common/audit-actions';
import { AUDIT_WORDS, auditFieldLabel, auditValueLabel } from '../../../common/audit-fields';
import type { AuditChange, AuditRow } from '../../../common/contract/audit';
import { dmy } from '../../../common/dates';
import type { Locale } from '../../../common/locale';
import { AREAS, type AreaCode } from '../../../common/planning-reference';
import { rigaDate } from '../clock';
import { rigaTime } from '../attendance/riga-time';
import { cellsOf } from './audit';
import type { EventRow } from './query';

/** Events that record a batch of cells (cellChanges), and what an empty cell means in each. */
const CELLS: Partial<Record<AuditAction, 'attendance' | 'marks'>> = {
  'attendance.mark.save': 'attendance',
  'attendance.mark.correct': 'attendance',
  'assessment.mark.save': 'marks',
};

/** Fields that say nothing to a reader (row ids, bookkeeping instants, search keys). */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'searchName', 'planId', 'topicId']);
const USER_FIELDS = new Set([
  'userId',
  'substituteId',
  'absentId',
  'authorId',
  'onBehalfOf',
  'createdBy',
  'submittedBy',
  'updatedBy',
  'confirmedBy',
]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const BATCH = 500;

/** The names the page's events refer to, each kind read with one query per 500 ids. */
interface Names {
  users: Map<number, string>;
  groups: Map<number, string>;
  children: Map<number, string>;
  guardians: Map<number, string>;
  links: Map<number, number[]>;
}

async function lookup(
  m: EntityManager,
  ids: Iterable<number>,
  sql: (marks: string) => string,
): Promise<Map<number, string>> {
  const all = [...new Set(ids)].filter((id) => Number.isInteger(id) && id > 0);
  const out = new Map<number, string>();
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const rows = await m.query<{ id: number; name: string }[]>(
      sql(batch.map(() => '?').join(', ')),
      batch,
    );
    for (const row of rows) out.set(Number(row.id), row.name);
  }
  return out;
}

const parse = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const numbers = (value: unknown): number[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === 'number');

async function namesFor(m: EntityManager, rows: EventRow[]): Promise<Names> {
  const links = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const ids = rows.slice(i, i + BATCH).map((r) => r.id);
    if (ids.length === 0) continue;
    const found = await m.query<{ eventId: number; childId: number }[]>(
      'SELECT event_id AS "eventId", child_id AS "childId" FROM audit_event_child ' +
        `WHERE event_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const l of found) links.set(l.eventId, [...(links.get(l.eventId) ?? []), l.childId]);
  }
  const users: number[] = [];
  const groups: number[] = [];
  const children: number[] = [...links.values()].flat();
  const guardians: number[] = [];
  for (const row of rows) {
    users.push(...numbers(row.actorId), ...numbers(row.onBehalfOfId));
    if (row.entity === 'user' && row.entityId) users.push(Number(row.entityId));
    if (row.entity === 'guardian' && row.entityId) guardians.push(Number(row.entityId));
    if (row.groupId !== null) groups.push(row.groupId);
    for (const side of [parse(row.before), parse(row.after)]) {
      if (CELLS[row.action]) children.push(...cellsOf(side, undefined).map((c) => c.childId));
      const fields = record(side);
      for (const [key, value] of Object.entries(fields)) {
        if (USER_FIELDS.has(key)) users.push(...numbers(value));
        if (key === 'groupId') groups.push(...numbers(value));
        if (key === 'childId' || key === 'childIds') children.push(...numbers(value));
        if (key === 'guardianId' || key === 'guardianIds') guardians.push(...numbers(value));
      }
    }
  }
  return {
    links,
    users: await lookup(
      m,
      users,
      (q) => `SELECT id, full_name AS name FROM "user" WHERE id IN (${q})`,
    ),
    groups: await lookup(
      m,
      groups,
      (q) =>
        "SELECT id, CASE WHEN number IS NULL THEN name ELSE number || '. grupa «' || name || '»' " +
        `END AS name FROM "group" WHERE id IN (${q})`,
    ),
    children: await lookup(
      m,
      children,
      (q) => `SELECT id, first_name || ' ' || last_name AS name FROM child WHERE id IN (${q})`,
    ),
    guardians: await lookup(
      m,
      guardians,
      (q) => `SELECT id, first_name || ' ' || last_name AS name FROM guardian WHERE id IN (${q})`,
    ),
  };
}

function plain(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return AUDIT_WORDS.empty[locale];
  if (typeof value === 'boolean') return (value ? AUDIT_WORDS.yes : AUDIT_WORDS.no)[locale];
  if (typeof value === 'string') {
    if (DAY.test(value)) return dmy(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
      const instant = new Date(value);
      return `${dmy(rigaDate(instant))} ${rigaTime(instant)}`;
    }
    return value.length > 500 ? `${value.slice(0, 500)}…` : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
    return value.length ? value.map((v) => plain(v, locale)).join(', ') : AUDIT_WORDS.empty[locale];
  }
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function valueOf(key: string, value: unknown, names: Names, locale: Locale): string {
  const named = (map: Map<number, string>) =>
    numbers(value)
      .map((id) => map.get(id) ?? `#${id}`)
      .join(', ');
  if (typeof value === 'number' || (Array.isArray(value) && numbers(value).length)) {
    if (USER_FIELDS.has(key)) return named(names.users);
    if (key === 'groupId') return named(names.groups);
    if (key === 'childId' || key === 'childIds') return named(names.children);
    if (key === 'guardianId' || key === 'guardianIds') return named(names.guardians);
  }
  return auditValueLabel(key, value, locale) ?? plain(value, locale);
}

function cellValue(kind: 'attendance' | 'marks', value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') {
    return kind === 'attendance' ? AUDIT_WORDS.present[locale] : AUDIT_WORDS.empty[locale];
  }
  if (value === 'excused') return AUDIT_WORDS.excused[locale];
  return plain(value, locale);
}

function changesOf(row: EventRow, names: Names, locale: Locale, onlyChild?: number): AuditChange[] {
  const before = parse(row.before);
  const after = parse(row.after);
  const kind = CELLS[row.action];
  if (kind) {
    const cells = cellsOf(before, after);
    return cells
      .filter((c) => onlyChild === undefined || c.childId === onlyChild)
      .map((cell) => ({
        field: `${names.children.get(cell.childId) ?? `#${cell.childId}`} · ${
          DAY.test(cell.key) ? dmy(cell.key) : (AREAS[cell.key as AreaCode]?.[locale] ?? cell.key)
        }`,
        before: cellValue(kind, cell.before, locale),
        after: cellValue(kind, cell.after, locale),
      }));
  }
  const b = record(before);
  const a = record(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !HIDDEN.has(k));
  return keys.map((key) => ({
    field: auditFieldLabel(key, locale),
    before: key in b ? valueOf(key, b[key], names, locale) : AUDIT_WORDS.empty[locale],
    after: key in a ? valueOf(key, a[key], names, locale) : AUDIT_WORDS.empty[locale],
  }));
}

function subjectOf(row: EventRow, names: Names, locale: Locale): string {
  const group = row.groupId === null ? '' : (names.groups.get(row.groupId) ?? '');
  const children = (names.links.get(row.id) ?? []).map((id) => names.children.get(id) ?? `#${id}`);
  if (!CELLS[row.action] && children.length > 0) {
    const shown = children.slice(0, 3).join(', ');
    return children.length > 3
      ? `${shown}, ${AUDIT_WORDS.more[locale].replace('{count}', String(children.length - 3))}`
      : shown;
  }
  if (row.entity === 'user' && row.actorId === null) {
    return row.entityId
      ? (names.users.get(Number(row.entityId)) ?? '')
      : AUDIT_WORDS.unknownName[locale];
  }
  if (row.entity === 'user' && row.entityId) return names.users.get(Number(row.entityId)) ?? '';
  if (row.entity === 'guardian' && row.entityId) {
    return names.guardians.get(Number(row.entityId)) ?? '';
  }
  return group;
}

/**
 * Events as the viewer and the XLSX show them, with every name read in a few queries. With
 * `onlyChild` (a child's data on request), a batch of cells keeps that child's cells only: the
 * other children of the same save are not hers to read.
 */
export async function renderEvents(
  m: EntityManager,
  rows: EventRow[],
  locale: Locale,
  onlyChild?: number,
): Promise<AuditRow[]> {
  const names = await namesFor(m, rows);
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
    action: row.action,
    actorName: row.actorId === null ? '' : (names.users.get(row.actorId) ?? `#${row.actorId}`),
    onBehalfOfName:
      row.onBehalfOfId === null
        ? null
        : (names.users.get(row.onBehalfOfId) ?? `#${row.onBehalfOfId}`),
    subject: subjectOf(row, names, locale),
    changes: changesOf(row, names, locale, onlyChild),
  }));
}
