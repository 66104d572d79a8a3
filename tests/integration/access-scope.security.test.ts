import { describe, expect, it } from 'vitest';
import {
  ACCESS_SCOPE,
  MANAGED_ROLES,
  ROW_DOMAINS,
  type RowDomain,
} from '../../common/access-scope';
import { ROLES, type Role } from '../../common/roles';
import { Access, type ScopedRow } from '../../electron/api/access/scope';
import { Group, GroupTeacher } from '../../database/entities/people';
import { Substitution } from '../../database/entities/substitution';
import { TEMPORARY_PASSWORD } from './helpers';
import { attendanceFixture } from './attendance-fixtures';

/**
 * Where the acting user stands to a row:
 * - own: a colleague's row in the group she teaches;
 * - other: a colleague's row in a group she does not teach;
 * - subIn: a colleague's row in the group where she substitutes, today within the substitution;
 * - subOut: the same group the day after the substitution ended;
 * - mine: a row she wrote herself (or takes part in), about a child of a group she does not teach.
 * Only a teacher has groups, so for every other role the first four columns agree.
 */
const SITUATIONS = ['own', 'other', 'subIn', 'subOut', 'mine'] as const;
type Situation = (typeof SITUATIONS)[number];
/** 'RW' read and write, 'R' read only, '-' neither. */
type Cell = 'RW' | 'R' | '-';
type Golden = Record<RowDomain, Record<Role, [Cell, Cell, Cell, Cell, Cell]>>;

/**
 * Written by hand from shared/spec/DOMAIN.md and the roles table of shared/ARCHITECTURE.md, not
 * from the code: a wrong entry in common/access-scope.ts makes this test fail.
 *                     own   other  subIn  subOut mine
 */
const GOLDEN: Golden = {
  // 2.1: head and deputy set up groups and teachers; everyone reads the groups she works with.
  groups: {
    head: ['RW', 'RW', 'RW', 'RW', 'RW'],
    deputy: ['RW', 'RW', 'RW', 'RW', 'RW'],
    teacher: ['R', '-', 'R', '-', '-'],
    speech: ['R', 'R', 'R', 'R', 'R'],
    nurse: ['R', 'R', 'R', 'R', 'R'],
  },
  // 2.2, 2.3: the deputy enters children, parents and applications; the head reads them; the
  // nurse and the speech therapist read every child (no caseload in the data model).
  children: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['RW', 'RW', 'RW', 'RW', 'RW'],
    teacher: ['R', '-', 'R', '-', '-'],
    speech: ['R', 'R', 'R', 'R', 'R'],
    nurse: ['R', 'R', 'R', 'R', 'R'],
  },
  // 3.2, 3.3, 3.11: teacher or substitute writes her group's day; the nurse checks and corrects all.
  attendance: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['R', 'R', 'R', 'R', 'R'],
    teacher: ['RW', '-', 'RW', '-', '-'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['RW', 'RW', 'RW', 'RW', 'RW'],
  },
  // 3.1, 3.11: the group's teacher or substitute plans; management and the speech therapist read.
  planning: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['R', 'R', 'R', 'R', 'R'],
    teacher: ['RW', '-', 'RW', '-', '-'],
    speech: ['R', 'R', 'R', 'R', 'R'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 3.4, 3.5, 3.11: marks likewise.
  assessment: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['R', 'R', 'R', 'R', 'R'],
    teacher: ['RW', '-', 'RW', '-', '-'],
    speech: ['R', 'R', 'R', 'R', 'R'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 3.6, 3.7: each keeps her own entries; a teacher writes about her groups' children and reads
  // what colleagues wrote about them; the speech therapist writes about any child.
  individualWork: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['R', 'R', 'R', 'R', 'R'],
    teacher: ['R', '-', 'R', '-', 'R'],
    speech: ['-', '-', '-', '-', 'RW'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 3.10: the group's teachers write talks with parents; management reads.
  talks: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['R', 'R', 'R', 'R', 'R'],
    teacher: ['R', '-', 'R', '-', 'R'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 3.8: the deputy's own diary; the head reads it.
  diary: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['R', 'R', 'R', 'R', 'RW'],
    teacher: ['-', '-', '-', '-', '-'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 3.9, 3.12: deputy and head record their own checks; a teacher reads her group's.
  journalChecks: {
    head: ['R', 'R', 'R', 'R', 'RW'],
    deputy: ['R', 'R', 'R', 'R', 'RW'],
    teacher: ['R', '-', 'R', '-', '-'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 3.11: head or deputy records substitutions; a teacher reads those she is part of.
  substitutions: {
    head: ['RW', 'RW', 'RW', 'RW', 'RW'],
    deputy: ['RW', 'RW', 'RW', 'RW', 'RW'],
    teacher: ['-', '-', '-', '-', 'R'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 4 and the roles table: every role mails staff and parents; a teacher her own groups' lists
  // and parents, and an absent colleague's only while the substitution lasts.
  messages: {
    head: ['RW', 'RW', 'RW', 'RW', 'RW'],
    deputy: ['RW', 'RW', 'RW', 'RW', 'RW'],
    teacher: ['RW', '-', 'RW', '-', '-'],
    speech: ['RW', 'RW', 'RW', 'RW', 'RW'],
    nurse: ['RW', 'RW', 'RW', 'RW', 'RW'],
  },
  // Architecture's roles table: the audit log is the head's alone; nobody writes it by hand.
  audit: {
    head: ['R', 'R', 'R', 'R', 'R'],
    deputy: ['-', '-', '-', '-', '-'],
    teacher: ['-', '-', '-', '-', '-'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['-', '-', '-', '-', '-'],
  },
  // 1, 5, 6 (issue 16): head or deputy gives out a child's data on request; only the head
  // anonymises a record past its retention.
  privacy: {
    head: ['RW', 'RW', 'RW', 'RW', 'RW'],
    deputy: ['R', 'R', 'R', 'R', 'R'],
    teacher: ['-', '-', '-', '-', '-'],
    speech: ['-', '-', '-', '-', '-'],
    nurse: ['-', '-', '-', '-', '-'],
  },
};

/** 2.1: the head manages every account; the deputy teachers' accounts only. */
const GOLDEN_MANAGED: Record<Role, Role[]> = {
  head: ['head', 'deputy', 'teacher', 'speech', 'nurse'],
  deputy: ['teacher'],
  teacher: [],
  speech: [],
  nurse: [],
};

const TODAY = '2026-11-30';
const AFTER = '2026-12-02';

/**
 * The attendance fixture (anna teaches «Zīlītes», ieva «Cielaviņas») plus «Pūces», whose teacher
 * vita is absent: anna substitutes for her on 30 November and 1 December.
 */
async function world() {
  const f = await attendanceFixture();
  const db = f.b.router.state.db;
  const vita = await f.b.ok('users.create', {
    username: 'vita',
    fullName: 'Vita Kalna',
    role: 'teacher',
    temporaryPassword: TEMPORARY_PASSWORD,
  });
  const puces = await db.getRepository(Group).save({
    number: 5,
    name: 'Pūces',
    ageFromMonths: 36,
    ageToMonths: 60,
    capacity: 20,
    schoolYear: 2026,
    activeFrom: '2026-09-01',
    activeTo: '2027-08-31',
  });
  await db
    .getRepository(GroupTeacher)
    .insert({ groupId: puces.id, userId: vita.id, fromDate: '2026-09-01', toDate: null });
  await db.query(
    'INSERT INTO child (first_name, last_name, search_name, personal_code, birth_date, created_at) ' +
      "VALUES ('Ints', 'Pūce', 'pūce ints', '32410000001', '2022-01-01', '2026-08-01T00:00:00Z')",
  );
  const [{ id: pucesChild }] = await db.query<{ id: number }[]>(
    "SELECT id FROM child WHERE first_name = 'Ints'",
  );
  await db.query(
    "INSERT INTO enrolment (child_id, group_id, from_date, to_date) VALUES (?, ?, '2026-09-01', NULL)",
    [pucesChild, puces.id],
  );
  await db.getRepository(Substitution).insert({
    groupId: puces.id,
    substituteId: f.users.anna,
    absentId: vita.id,
    fromDate: TODAY,
    toDate: '2026-12-01',
    note: '',
    createdAt: '2026-11-29T10:00:00Z',
    createdBy: f.users.dace,
  });
  const head = (await f.b.ok('app.state', {})).session!.userId;
  const actors: Record<Role, number> = {
    head,
    deputy: f.users.dace,
    teacher: f.users.anna,
    speech: f.users.sarma,
    nurse: f.users.marta,
  };
  return { f, db, actors, puces: puces.id, pucesChild };
}

describe('the access scope', () => {
  it('answers every domain × role × situation as the hand-written matrix says', async () => {
    const { f, db, actors, puces, pucesChild } = await world();
    const colleague = f.users.ieva;
    const [zilitesChild] = f.children;
    const rowIn = (groupId: number, childId: number, date: string, authorId = colleague) =>
      ({ date, authorId, groupId, childIds: [childId] }) satisfies ScopedRow;

    const found: Golden = {} as Golden;
    for (const domain of ROW_DOMAINS) {
      found[domain] = {} as Golden[RowDomain];
      for (const role of ROLES) {
        const user = { id: actors[role], role };
        const now = new Access(user, TODAY);
        const later = new Access(user, AFTER);
        const cases: Record<Situation, [Access, ScopedRow]> = {
          own: [now, rowIn(f.zilites, zilitesChild, TODAY)],
          other: [now, rowIn(f.cielavinas, f.other, TODAY)],
          subIn: [now, rowIn(puces, pucesChild, TODAY)],
          subOut: [later, rowIn(puces, pucesChild, AFTER)],
          mine: [now, rowIn(f.cielavinas, f.other, TODAY, user.id)],
        };
        const cells: Cell[] = [];
        for (const situation of SITUATIONS) {
          const [access, row] = cases[situation];
          const read = await access.mayRow(db.manager, domain, 'read', row);
          const write = await access.mayRow(db.manager, domain, 'write', row);
          cells.push(write ? (read ? 'RW' : ('W?' as Cell)) : read ? 'R' : '-');
        }
        found[domain][role] = cells as Golden[RowDomain][Role];
      }
    }
    expect(found).toEqual(GOLDEN);
  });

  it('names the groups of a teacher per period and whom she stands in for', async () => {
    const { f, db, puces } = await world();
    const anna = new Access({ id: f.users.anna, role: 'teacher' }, TODAY);
    expect(await anna.groups(db.manager, 'attendance', 'write', TODAY)).toEqual(
      [f.zilites, puces].sort((a, b) => a - b),
    );
    expect(await anna.onBehalfOf(db.manager, puces, TODAY)).toBe(
      (await db.query<{ id: number }[]>(`SELECT id FROM "user" WHERE username = 'vita'`))[0].id,
    );
    expect(await anna.onBehalfOf(db.manager, f.zilites, TODAY)).toBeNull();
    const after = new Access({ id: f.users.anna, role: 'teacher' }, AFTER);
    expect(await after.groups(db.manager, 'attendance', 'write', AFTER)).toEqual([f.zilites]);
    const nurse = new Access({ id: f.users.marta, role: 'nurse' }, TODAY);
    expect(await nurse.groups(db.manager, 'attendance', 'write', TODAY)).toBe('all');
  });

  it('lets the head manage every account and the deputy teachers only', () => {
    expect(MANAGED_ROLES).toEqual(GOLDEN_MANAGED);
  });

  it('gives every role a scope in every domain, for reading and writing', () => {
    for (const domain of ROW_DOMAINS) {
      expect(Object.keys(ACCESS_SCOPE[domain].read).sort()).toEqual([...ROLES].sort());
      expect(Object.keys(ACCESS_SCOPE[domain].write).sort()).toEqual([...ROLES].sort());
    }
  });
});
