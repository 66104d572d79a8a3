import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  createChildSchema,
  optionalEmail,
  optionalPhone,
  type GuardianRelation,
} from '../../../common/contract/people';
import { type ImportRow } from '../../../common/contract/applications';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { normalisePersonalCode } from '../../../common/personal-code';
import { foldForSearch } from '../../../common/text';
import { nameText, validate } from '../../../common/validation';
import { Child, Group } from '../../../database/entities/people';
import type { Context } from '../context';
import { fileError, type Cells } from './import-file';

/**
 * Checking an import file's rows (docs/import.md): what each column means, and every reason a
 * row is refused, in the user's language. Looks at the register, writes nothing; the preview and
 * the confirmation both ask it, so the confirmation never trusts what the preview said.
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

export interface Checked {
  rows: CheckedRow[];
}

const guardianSchema = z
  .object({
    firstName: nameText(60),
    lastName: nameText(60),
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
