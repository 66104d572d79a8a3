import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contract } from '../../common/contract';
import { Substitution } from '../../database/entities/substitution';
import { attendanceFixture } from './attendance-fixtures';

const MONDAY = '2026-11-30';
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

/** The teacher marks, the nurse corrects, a substitute marks in a colleague's group. */
async function markedDay() {
  const f = await attendanceFixture();
  const [elza, janis] = f.children;
  await f.as('anna');
  await f.b.ok('attendance.save', {
    groupId: f.zilites,
    changes: [
      { childId: elza, date: MONDAY, expected: null, code: 'N' },
      { childId: janis, date: MONDAY, expected: null, code: 'N' },
    ],
  });
  await f.as('marta');
  await f.b.ok('attendance.save', {
    groupId: f.zilites,
    changes: [{ childId: janis, date: MONDAY, expected: 'N', code: 'NS' }],
    reason: 'Ārsta zīme',
  });
  await f.b.router.state.db.getRepository(Substitution).insert({
    groupId: f.cielavinas,
    substituteId: f.users.anna,
    absentId: f.users.ieva,
    fromDate: MONDAY,
    toDate: MONDAY,
    note: '',
    createdAt: '2026-11-29T10:00:00Z',
    createdBy: f.users.dace,
  });
  await f.as('anna');
  await f.b.ok('attendance.save', {
    groupId: f.cielavinas,
    changes: [{ childId: f.other, date: MONDAY, expected: null, code: 'NC' }],
  });
  await f.as('ilze');
  return { ...f, elza, janis };
}

describe('the audit viewer', () => {
  it('shows the nurse’s correction with both values, who made it and the child', async () => {
    const f = await markedDay();
    const page = await f.b.ok('audit.list', { ...PERIOD, action: 'attendance.mark.correct' });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      action: 'attendance.mark.correct',
      actorName: 'Mārta Ābele',
      onBehalfOfName: null,
      subject: '3. grupa «Zīlītes»',
      changes: [{ field: 'Jānis Bērziņš · 30.11.2026', before: 'N', after: 'NS' }],
    });
    // A substitute's marks name the absent teacher.
    const sub = await f.b.ok('audit.list', { ...PERIOD, groupId: f.cielavinas });
    expect(sub.rows.map((r) => [r.actorName, r.onBehalfOfName, r.changes])).toEqual([
      [
        'Anna Kalniņa',
        'Ieva Liepiņa',
        [{ field: 'Kārlis Grava · 30.11.2026', before: 'ieradies', after: 'NC' }],
      ],
    ]);
  });

  it('filters by person, child, group, kind and period, and pages in the database', async () => {
    const f = await markedDay();
    const all = await f.b.ok('audit.list', { ...PERIOD, limit: 200 });
    const byMarta = await f.b.ok('audit.list', { ...PERIOD, userId: f.users.marta });
    // Hers: the correction and her login; the account events about her (made by the head) too.
    expect(byMarta.rows.map((r) => r.action)).toContain('attendance.mark.correct');
    expect(
      byMarta.rows.every((r) => r.actorName === 'Mārta Ābele' || r.subject === 'Mārta Ābele'),
    ).toBe(true);
    const aboutJanis = await f.b.ok('audit.list', { ...PERIOD, childId: f.janis });
    expect(aboutJanis.rows.map((r) => r.action)).toEqual([
      'attendance.mark.correct',
      'attendance.mark.save',
    ]);
    const attendance = await f.b.ok('audit.list', { ...PERIOD, domain: 'attendance' });
    expect(attendance.total).toBe(3);
    expect(await f.b.ok('audit.list', { from: '2026-12-01', to: '2026-12-31' })).toEqual({
      total: 0,
      rows: [],
    });
    // Pages cut in SQL: the same rows as the whole list, newest first, two at a time.
    const first = await f.b.ok('audit.list', { ...PERIOD, limit: 2 });
    const second = await f.b.ok('audit.list', { ...PERIOD, limit: 2, offset: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(
      all.rows.slice(0, 4).map((r) => r.id),
    );
    expect(all.rows.map((r) => r.at)).toEqual([...all.rows.map((r) => r.at)].sort().reverse());
  });

  it('refuses an absurd period with its reason and another role outright, changing nothing', async () => {
    const f = await markedDay();
    const before = (await f.b.ok('audit.list', PERIOD)).total;
    const reversed = await f.b.fail('audit.list', { from: '2026-12-01', to: '2026-11-01' });
    expect(reversed).toMatchObject({
      code: 'VALIDATION',
      fields: { to: 'Perioda beigas nevar būt pirms sākuma.' },
    });
    const ancient = await f.b.fail('audit.export', { from: '0001-01-01', to: '9999-12-31' });
    expect(ancient.fields).toEqual({
      from: 'Datumam jābūt no 01.01.2000 līdz 31.12.2100.',
      to: 'Datumam jābūt no 01.01.2000 līdz 31.12.2100.',
    });
    await f.as('dace');
    expect((await f.b.fail('audit.list', PERIOD)).code).toBe('FORBIDDEN');
    await f.as('ilze');
    // Nothing was recorded by the refusals: the new events are the logins (newest first), the
    // deputy's first one with the change of her temporary password.
    const after = await f.b.ok('audit.list', PERIOD);
    expect(after.rows.slice(0, after.total - before).map((r) => r.action)).toEqual([
      'auth.login.success',
      'auth.session.logout',
      'auth.password.change',
      'auth.login.success',
      'auth.session.logout',
    ]);
    // No method edits or deletes an event.
    expect(
      Object.keys(contract)
        .filter((m) => m.startsWith('audit.'))
        .sort(),
    ).toEqual(['audit.export', 'audit.list', 'audit.options']);
  });

  it('exports the filtered events to XLSX for an inspector, and records the export', async () => {
    const f = await markedDay();
    const file = await f.b.ok('audit.export', { ...PERIOD, domain: 'attendance' });
    expect(file.fileName).toBe('notikumu-zurnals-2026-11-01-2026-11-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows[0]).toEqual([
      'Laiks',
      'Lietotājs',
      'Aizvietojot',
      'Notikums',
      'Par ko',
      'Izmaiņas',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      [
        'Anna Kalniņa',
        'Ieva Liepiņa',
        'Apmeklējuma atzīmes',
        'Kārlis Grava · 30.11.2026: ieradies → NC',
      ],
      ['Mārta Ābele', '', 'Māsas labojums', 'Jānis Bērziņš · 30.11.2026: N → NS'],
      [
        'Anna Kalniņa',
        '',
        'Apmeklējuma atzīmes',
        'Elza Ozoliņa · 30.11.2026: ieradies → N\nJānis Bērziņš · 30.11.2026: ieradies → N',
      ],
    ]);
    const [exported] = (await f.b.ok('audit.list', { ...PERIOD, domain: 'audit' })).rows;
    expect(exported).toMatchObject({ action: 'audit.log.export', actorName: 'Ilze Bērziņa' });
    expect(exported.changes).toContainEqual({ field: 'Notikumi', before: '—', after: '3' });
  });
});
