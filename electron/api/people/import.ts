import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  createChildSchema,
  optionalEmail,
  optionalPhone,
  type GuardianRelation,
  type ImportPreview,
  type ImportRow,
} from '../../../common/contract/people';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { normalisePersonalCode, parsePersonalCode } from '../../../common/personal-code';
import { foldForSearch, personSearchName } from '../../../common/text';
import { text, validate } from '../../../common/validation';
import {
  Child,
  ChildGuardian,
  Enrolment,
  Group,
  Guardian,
} from '../../../database/entities/people';
import { audit } from '../audit/audit';
import { rigaDate } from '../clock';
import type { Context } from '../context';

/**
 * Import of children with their parents from CSV or XLSX (docs/import.md). The preview and the
 * confirmation run the same checks; the confirmation never trusts what the preview said.
 */

export type Field =
  | 'firstName'
  | 'lastName'
  | 'personalCode'
  | 'birthDate'
  | 'group'
  | 'fromDate'
  | 'guardianFirstName'
  | 'guardianLastName'
  | 'phone'
  | 'email'
  | 'relation';

/** Header names, folded (lower case, no diacritics); Latvian first, English accepted too. */
const HEADERS: Record<string, Field> = {
  vards: 'firstName',
  'first name': 'firstName',
  uzvards: 'lastName',
  'last name': 'lastName',
  'personas kods': 'personalCode',
  'personal code': 'personalCode',
  'dzimsanas datums': 'birthDate',
  'birth date': 'birthDate',
  grupa: 'group',
  group: 'group',
  'uznemts no': 'fromDate',
  from: 'fromDate',
  'vecaka vards': 'guardianFirstName',
  'parent first name': 'guardianFirstName',
  'vecaka uzvards': 'guardianLastName',
  'parent last name': 'guardianLastName',
  'vecaka talrunis': 'phone',
  talrunis: 'phone',
  phone: 'phone',
  'vecaka e-pasts': 'email',
  'e-pasts': 'email',
  email: 'email',
  radnieciba: 'relation',
  relation: 'relation',
};
const REQUIRED: Field[] = ['firstName', 'lastName', 'personalCode', 'group'];

const RELATIONS: Record<string, GuardianRelation> = {
  mate: 'mother',
  mother: 'mother',
  tevs: 'father',
  father: 'father',
  aizbildnis: 'guardian',
  aizbildne: 'guardian',
  guardian: 'guardian',
  cits: 'other',
  cita: 'other',
  other: 'other',
};

type Cells = string[];

/* ---------- reading the file ---------- */

/** RFC 4180: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(source: string): Cells[] {
  const textValue = source.replace(/^\uFEFF/, '');
  const firstLine = textValue.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: Cells[] = [];
  let row: Cells = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textValue.length; i++) {
    const c = textValue[i];
    if (quoted) {
      if (c === '"') {
        if (textValue[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && textValue[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Dates typed in Excel arrive as Date objects at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
}

async function parseXlsx(data: Buffer): Promise<Cells[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileError('people.import.unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cells[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cells = [];
    for (let col = 1; col <= sheet.columnCount; col++) cells.push(cellText(row.getCell(col).value));
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function fileError(key: string): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', {}, { fileName: key });
}

/** The file's rows as text cells; refuses what is not CSV/XLSX before looking at any row. */
export async function readRows(fileName: string, base64: string): Promise<Cells[]> {
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0) throw fileError('people.import.empty');
  const ext = fileName.toLowerCase().split('.').pop();
  const zip = data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (ext === 'xlsx') {
    if (!zip) throw fileError('people.import.unreadable');
    return parseXlsx(data);
  }
  if (ext !== 'csv' && ext !== 'txt') throw fileError('people.import.type');
  if (zip || data.includes(0)) throw fileError('people.import.unreadable');
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (decoded.includes('\uFFFD')) throw fileError('people.import.encoding');
  return parseCsv(decoded);
}

/* ---------- checking the rows ---------- */

/** dd.mm.yyyy (the staff's way), d.m.yyyy or yyyy-mm-dd → yyyy-mm-dd; anything else as given. */
function isoFrom(value: string): string {
  const v = value.trim();
  const lv = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(v);
  if (lv) return `${lv[3]}-${lv[2].padStart(2, '0')}-${lv[1].padStart(2, '0')}`;
  return v;
}

interface GuardianData {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  relation: GuardianRelation;
}

export interface CheckedRow extends ImportRow {
  child?: {
    firstName: string;
    lastName: string;
    personalCode: string;
    birthDate: string | null;
    groupId: number;
    fromDate: string;
  };
  guardianData?: GuardianData;
}

interface Checked {
  rows: CheckedRow[];
}

const guardianSchema = z
  .object({
    firstName: text(60),
    lastName: text(60),
    phone: optionalPhone,
    email: optionalEmail,
  })
  .strict();

function resolveGroup(
  groups: Group[],
  value: string,
  date: string,
): { id: number } | 'unknown' | 'ambiguous' {
  const folded = foldForSearch(value);
  const number = /^(\d{1,2})\.?( grupa.*)?$/.exec(folded)?.[1];
  const active = groups.filter((g) => g.activeFrom <= date && g.activeTo >= date);
  const pool = active.length ? active : groups;
  const matches = pool.filter((g) =>
    number !== undefined
      ? g.number === Number(number)
      : foldForSearch(g.name) === folded.replace(/^.*«(.*)»$/, '$1'),
  );
  if (matches.length === 0) return 'unknown';
  return matches.length === 1 ? { id: matches[0].id } : 'ambiguous';
}

/** Every row with its reasons, in the user's language; looks at the register, writes nothing. */
export async function checkRows(
  m: EntityManager,
  ctx: Context,
  rows: Cells[],
  defaultFrom: string,
): Promise<Checked> {
  const locale = ctx.state.locale;
  const say = (key: string, params: Record<string, string | number> = {}) =>
    message(locale, key, params);
  const fieldName = (f: string) => say(`people.field.${f}`);

  const nonEmpty = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty < 0) throw fileError('people.import.empty');
  const header = rows[nonEmpty].map((h) => HEADERS[foldForSearch(h)]);
  const missing = REQUIRED.filter((f) => !header.includes(f));
  if (missing.length) {
    throw new AppError(
      'VALIDATION',
      'error.VALIDATION',
      {},
      {
        fileName: say('people.import.noHeader', { columns: missing.map(fieldName).join(', ') }),
      },
    );
  }
  const body = rows
    .map((cells, i) => ({ cells, line: i + 1 }))
    .slice(nonEmpty + 1)
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (body.length === 0) throw fileError('people.import.noRows');

  const groups = await m.find(Group);
  const existing = new Set(
    (
      await m.createQueryBuilder(Child, 'c').select('c.personal_code', 'code').getRawMany<{
        code: string;
      }>()
    ).map((r) => r.code),
  );
  const seen = new Map<string, number>();
  const out: CheckedRow[] = [];

  for (const { cells, line } of body) {
    const get = (f: Field) => {
      const index = header.indexOf(f);
      return index < 0 ? '' : (cells[index] ?? '').trim();
    };
    const reasons: string[] = [];
    const groupText = get('group');
    const fromDate = isoFrom(get('fromDate')) || defaultFrom;
    let groupId = 0;
    if (!groupText) reasons.push(`${fieldName('group')}: ${say('v.required')}`);
    else {
      const group = resolveGroup(groups, groupText, fromDate);
      if (group === 'unknown') {
        reasons.push(
          `${fieldName('group')}: ${say('people.import.unknownGroup', { group: groupText })}`,
        );
      } else if (group === 'ambiguous') {
        reasons.push(
          `${fieldName('group')}: ${say('people.import.ambiguousGroup', { group: groupText })}`,
        );
      } else groupId = group.id;
    }
    const childInput = {
      firstName: get('firstName'),
      lastName: get('lastName'),
      personalCode: get('personalCode'),
      birthDate: isoFrom(get('birthDate')),
      groupId: groupId || 1,
      fromDate,
    };
    const child = validate(createChildSchema, childInput, locale);
    if (!child.ok) {
      for (const [f, text] of Object.entries(child.fields)) {
        if (f !== 'groupId') reasons.push(`${fieldName(f)}: ${text}`);
      }
    }
    const group = groups.find((g) => g.id === groupId);
    if (group && (fromDate < group.activeFrom || fromDate > group.activeTo)) {
      reasons.push(`${fieldName('fromDate')}: ${say('people.outsideGroup')}`);
    }
    const code = normalisePersonalCode(childInput.personalCode);
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) {
        reasons.push(
          `${fieldName('personalCode')}: ${say('people.import.duplicateInFile', { line: first })}`,
        );
      } else seen.set(code, line);
      if (existing.has(code)) {
        reasons.push(`${fieldName('personalCode')}: ${say('people.personalCodeTaken')}`);
      }
    }

    let guardianData: GuardianData | undefined;
    const guardianCells = [
      get('guardianFirstName'),
      get('guardianLastName'),
      get('phone'),
      get('email'),
      get('relation'),
    ];
    if (guardianCells.some(Boolean)) {
      const g = validate(
        guardianSchema,
        {
          firstName: guardianCells[0],
          lastName: guardianCells[1],
          phone: guardianCells[2],
          email: guardianCells[3],
        },
        locale,
      );
      const relationText = foldForSearch(guardianCells[4]);
      const relation = relationText ? RELATIONS[relationText] : 'other';
      if (!relation) {
        reasons.push(`${fieldName('relation')}: ${say('people.import.relation')}`);
      }
      if (!g.ok) {
        const names: Record<string, Field> = {
          firstName: 'guardianFirstName',
          lastName: 'guardianLastName',
          phone: 'phone',
          email: 'email',
        };
        for (const [f, t] of Object.entries(g.fields)) {
          reasons.push(`${fieldName(names[f] ?? f)}: ${t}`);
        }
      } else if (relation) {
        guardianData = { ...g.data, relation };
      }
    }

    const row: CheckedRow = {
      line,
      ok: reasons.length === 0,
      reasons,
      firstName: childInput.firstName,
      lastName: childInput.lastName,
      personalCode: childInput.personalCode,
      group: groupText,
      guardian: guardianCells.slice(0, 2).filter(Boolean).join(' '),
    };
    if (row.ok && child.ok) {
      row.child = { ...child.data, groupId };
      row.guardianData = guardianData;
    }
    out.push(row);
  }
  return { rows: out };
}

function previewOf(checked: Checked): ImportPreview {
  const rows: ImportRow[] = checked.rows.map(
    ({ line, ok, reasons, firstName, lastName, personalCode, group, guardian }) => ({
      line,
      ok,
      reasons,
      firstName,
      lastName,
      personalCode,
      group,
      guardian,
    }),
  );
  const valid = rows.filter((r) => r.ok).length;
  return { rows, total: rows.length, valid, invalid: rows.length - valid };
}

interface ImportInput {
  fileName: string;
  base64: string;
  fromDate?: string;
}

export async function previewImport(ctx: Context, input: ImportInput): Promise<ImportPreview> {
  const rows = await readRows(input.fileName, input.base64);
  const checked = await checkRows(ctx.db.manager, ctx, rows, input.fromDate ?? rigaDate(ctx.now()));
  return previewOf(checked);
}

/** Checks the file again and writes every valid row, all in one transaction. */
export async function confirmImport(
  ctx: Context,
  input: ImportInput,
): Promise<{ imported: number; skipped: number }> {
  const rows = await readRows(input.fileName, input.base64);
  return ctx.db.transaction(async (m) => {
    const { rows: checked } = await checkRows(m, ctx, rows, input.fromDate ?? rigaDate(ctx.now()));
    const guardians = new Map<string, Guardian>();
    const now = ctx.now().toISOString();
    let imported = 0;
    for (const row of checked) {
      if (!row.ok || !row.child) continue;
      const c = row.child;
      const parsed = parsePersonalCode(c.personalCode);
      if (!parsed.ok) continue; // cannot happen: checkRows refused it
      const code = parsed.code;
      const birthDate = parsed.birthDate ?? (c.birthDate as string);
      const child = await m.save(
        m.create(Child, {
          firstName: c.firstName,
          lastName: c.lastName,
          searchName: personSearchName(c.firstName, c.lastName),
          personalCode: code,
          birthDate,
          createdAt: now,
        }),
      );
      await m.insert(Enrolment, {
        childId: child.id,
        groupId: c.groupId,
        fromDate: c.fromDate,
        toDate: null,
      });
      if (row.guardianData) {
        const g = row.guardianData;
        // Siblings' rows name the same parent: one guardian, linked to each child.
        const key = `${personSearchName(g.firstName, g.lastName)}|${g.phone ?? ''}`;
        let guardian = guardians.get(key) ?? null;
        guardian ??= await m.findOneBy(Guardian, {
          searchName: personSearchName(g.firstName, g.lastName),
          ...(g.phone ? { phone: g.phone } : {}),
        });
        guardian ??= await m.save(
          m.create(Guardian, {
            firstName: g.firstName,
            lastName: g.lastName,
            searchName: personSearchName(g.firstName, g.lastName),
            phone: g.phone,
            email: g.email,
            consents: '[]',
          }),
        );
        guardians.set(key, guardian);
        await m.insert(ChildGuardian, {
          childId: child.id,
          guardianId: guardian.id,
          relation: g.relation,
        });
      }
      imported++;
    }
    const skipped = checked.length - imported;
    await audit(m, ctx.now(), {
      action: 'import.children',
      actorId: ctx.user.id,
      entity: 'child',
      after: { fileName: input.fileName, imported, skipped },
    });
    return { imported, skipped };
  });
}
