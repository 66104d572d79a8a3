import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { AbsenceCode } from '../../common/contract/attendance';
import { Child, Enrolment, Group, GroupTeacher } from '../../database/entities/people';
import {
  sheetLayout,
  tableWidth,
  PAGE_MARGIN,
  PAGE_WIDTH,
} from '../../electron/api/attendance/sheet-layout';
import { attendanceFixture, personalCode } from './attendance-fixtures';

const MONTH = '2028-03';
const CODES: AbsenceCode[] = ['NS', 'NC', 'N'];

/** Thirty children with Latvian names; the first has the longest name the register takes. */
function names(): [string, string][] {
  const first = [
    'Elza',
    'Jānis',
    'Mārtiņš',
    'Līga',
    'Rūta',
    'Kārlis',
    'Anna',
    'Emīls',
    'Sofija',
    'Gustavs',
  ];
  const last = ['Ozoliņš', 'Bērziņš', 'Kalniņš', 'Šmits', 'Žagars', 'Liepiņš', 'Krūmiņš'];
  const out: [string, string][] = [
    ['Aleksandra-Viktorija Marija', 'Vanaga-Ozoliņa-Bērziņa-Kalniņa-Žagare-Liepiņa-Krūmiņa'],
  ];
  for (let i = 1; i < 30; i++) out.push([first[i % 10], `${last[i % 7]}${'a'.repeat(i % 3)}-${i}`]);
  return out;
}

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: Buffer.from(base64, 'base64') });
  const text = (await parser.getText()).text;
  await parser.destroy();
  return text;
}

describe('the monthly attendance sheet on A4 landscape', () => {
  it('holds every working day and every total of a 23-day month with 30 children', async () => {
    // 3 April 2028, 08:30 in Riga: March 2028 has 23 working days, all of them past.
    const f = await attendanceFixture('2028-04-03T05:30:00Z');
    const { b } = f;
    const db = b.router.state.db;
    const group = await db.getRepository(Group).save({
      number: 5,
      name: 'Pūcītes',
      ageFromMonths: 36,
      ageToMonths: 72,
      capacity: 30,
      schoolYear: 2027,
      activeFrom: '2027-09-01',
      activeTo: '2028-08-31',
    });
    await db
      .getRepository(GroupTeacher)
      .insert({ groupId: group.id, userId: f.users.anna, fromDate: '2027-09-01', toDate: null });
    const ids: number[] = [];
    for (const [i, [firstName, lastName]] of names().entries()) {
      const child = await db.getRepository(Child).save({
        firstName,
        lastName,
        searchName: `${lastName} ${firstName}`.toLowerCase(),
        personalCode: personalCode(100 + i),
        birthDate: '2023-05-05',
        createdAt: '2027-08-01T00:00:00.000Z',
      });
      await db
        .getRepository(Enrolment)
        .insert({ childId: child.id, groupId: group.id, fromDate: '2027-09-01', toDate: null });
      ids.push(child.id);
    }
    await f.as('anna');
    const empty = await b.ok('attendance.month', { groupId: group.id, month: MONTH });
    const days = empty.days.filter((d) => d.working).map((d) => d.date);
    expect(days).toHaveLength(23);
    // Child i is absent on i % 4 of the days, with codes that differ from child to child.
    const changes = ids.flatMap((childId, i) =>
      days
        .filter((_, d) => (d + i) % 9 === 0 && d < (i % 4) * 6)
        .map((date, k) => ({ childId, date, expected: null, code: CODES[(i + k) % 3] })),
    );
    expect(changes.length).toBeGreaterThan(20);
    await b.ok('attendance.save', { groupId: group.id, changes });
    const grid = await b.ok('attendance.month', { groupId: group.id, month: MONTH });
    expect(grid.children).toHaveLength(30);

    const pdf = await b.ok('attendance.export', { groupId: group.id, month: MONTH, format: 'pdf' });
    const text = await pdfText(pdf.base64);
    const lines = text.split('\n').map((l) => l.trim());
    // The head row: every working day, then the four totals (text beyond the page is not
    // extracted, so a cut sheet fails here).
    const head = lines.find((l) => l.startsWith('Bērns'))!;
    expect(head.split(' ')).toEqual([
      'Bērns',
      ...days.map((d) => d.slice(8, 10)),
      'Apm.',
      'NS',
      'NC',
      'N',
    ]);
    // Then a row per child in the grid's order: the name (a long one wraps over lines in its
    // cell), a code per working day and the child's four totals.
    let at = lines.indexOf(head) + 1;
    for (const child of grid.children) {
      const { present, NS, NC, N } = child.totals;
      const cells = [...days.map((d) => child.codes[d] ?? '+'), present, NS, NC, N].join(' ');
      let name = '';
      for (let wrap = 0; !lines[at].endsWith(cells); wrap++, at++) {
        expect(wrap, `${child.lastName}: ${cells}`).toBeLessThan(3);
        // A line broken after a hyphen joins without a space.
        name += lines[at].endsWith('-') ? lines[at] : `${lines[at]} `;
      }
      name += lines[at].slice(0, -cells.length);
      expect(name.trim()).toBe(`${child.firstName} ${child.lastName}`); // "Vārds Uzvārds", sorted by surname
      at++;
    }
    const sum = grid.totals;
    expect(lines.find((l) => l.startsWith('Kopā'))).toMatch(
      new RegExp(` ${sum.present} ${sum.NS} ${sum.NC} ${sum.N}$`),
    );
    expect(text).toContain('Vadītāja: ____');
  });

  it('shrinks the type for more days and splits into parts before it would cut', () => {
    const available = PAGE_WIDTH - 2 * PAGE_MARGIN;
    const days = (n: number) =>
      Array.from({ length: n }, (_, i) => `2028-03-${String(i + 1).padStart(2, '0')}`);
    for (const n of [1, 20, 23, 31, 45, 62, 120]) {
      const layout = sheetLayout(days(n));
      expect(layout.parts.flat()).toEqual(days(n));
      for (const part of layout.parts) {
        const widths = [
          layout.name,
          ...part.map(() => layout.day),
          ...Array<number>(4).fill(layout.total),
        ];
        expect(tableWidth(widths), `${n} days`).toBeLessThanOrEqual(available + 0.01);
      }
      expect(layout.name).toBeGreaterThanOrEqual(14 * layout.fontSize);
    }
    expect(sheetLayout(days(23))).toMatchObject({ fontSize: 8, parts: [days(23)] });
    expect(sheetLayout(days(120)).parts.length).toBeGreaterThan(1);
  });
});
