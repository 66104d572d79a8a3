import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../../database/sql-placeholders';
import { ENROLLED_SQL, MARKS_SQL } from '../../electron/api/attendance/queries';
import { attendanceFixture } from './attendance-fixtures';

const MONDAY = '2026-11-30';

describe('month grid, sheets and summary', () => {
  it('comes from two indexed queries and its sheets carry the same totals', async () => {
    const f = await attendanceFixture();
    const { b } = f;
    await f.as('anna');
    const [elza, janis, martins] = f.children;
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [
        { childId: elza, date: '2026-11-02', expected: null, code: 'NS' },
        { childId: elza, date: '2026-11-03', expected: null, code: 'NS' },
        { childId: janis, date: '2026-11-20', expected: null, code: 'NC' },
        { childId: martins, date: MONDAY, expected: null, code: 'N' },
        { childId: f.late, date: '2026-11-16', expected: null, code: 'N' },
      ],
    });
    const db = b.router.state.db;
    const queries: string[] = [];
    const logger = db.logger;
    Object.assign(db, {
      logger: {
        ...logger,
        logQuery: (q: string) => void queries.push(q),
        logQuerySlow: () => undefined,
      },
    });
    const grid = await b.ok('attendance.month', { groupId: f.zilites, month: '2026-11' });
    Object.assign(db, { logger });
    // Session and permission checks, the group, the institution name, and the grid's two.
    const gridQueries = queries.filter((q) => /attendance_mark|enrolment/.test(q));
    const onPostgres = db.options.type === 'postgres';
    const expected = [ENROLLED_SQL, MARKS_SQL].map((q) => (onPostgres ? numberPlaceholders(q) : q));
    expect(gridQueries).toEqual(expected);
    const params = [f.zilites, '2026-11-30', '2026-11-01'];
    for (const sql of expected) {
      // A handful of rows: PostgreSQL would scan them anyway unless told to show its index path.
      const details = onPostgres
        ? await db.transaction(async (m) => {
            await m.query('SET LOCAL enable_seqscan = off');
            const plan = await m.query<Record<string, string>[]>(`EXPLAIN ${sql}`, params);
            return plan.map((p) => p['QUERY PLAN']).join('; ');
          })
        : (await db.query<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, params))
            .map((p) => p.detail)
            .join('; ');
      expect(details).not.toMatch(/SCAN (e|attendance_mark)\b(?! USING)|Seq Scan/);
      expect(details).toMatch(/idx_enrolment_group|idx_attendance_mark_group_date/);
    }

    // November 2026: 20 working days (18 Nov a holiday, weekends off).
    expect(grid.days.filter((d) => d.working)).toHaveLength(20);
    const paula = grid.children.find((c) => c.childId === f.late)!;
    expect(paula.from).toBe('2026-11-16');
    expect(paula.totals).toEqual({ present: 9, NS: 0, NC: 0, N: 1 });
    expect(grid.children.find((c) => c.childId === elza)!.totals).toEqual({
      present: 18,
      NS: 2,
      NC: 0,
      N: 0,
    });
    expect(grid.totals).toEqual({ present: 5 * 20 + 10 - 5, NS: 2, NC: 1, N: 2 });
    expect(grid.dayTotals['2026-11-02']).toEqual({ present: 4, NS: 1, NC: 0, N: 0 });

    const xlsx = await b.ok('attendance.export', {
      groupId: f.zilites,
      month: '2026-11',
      format: 'xlsx',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(Buffer.from(xlsx.base64, 'base64')).buffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'Bērns')!;
    expect(header.slice(-4)).toEqual(['Apmeklēja', 'NS', 'NC', 'N']);
    const total = rows.find((r) => r[0] === 'Kopā')!;
    expect(total.slice(-4)).toEqual([grid.totals.present, 2, 1, 2]);
    const elzaRow = rows.find((r) => r[0] === 'Elza Ozoliņa')!;
    expect(elzaRow.slice(-4)).toEqual([18, 2, 0, 0]);

    const pdf = await b.ok('attendance.export', {
      groupId: f.zilites,
      month: '2026-11',
      format: 'pdf',
    });
    expect(pdf.fileName).toMatch(/\.pdf$/);
    const parser = new PDFParse({ data: Buffer.from(pdf.base64, 'base64') });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Apmeklējuma uzskaites lapa');
    expect(text).toContain('3. grupa «Zīlītes» — 2026. gada novembris');
    expect(text).toContain('PII «Zīlīte»');
    expect(text).toContain('Līga Šmite');
    expect(text).toContain('Grupas skolotāja');

    await f.as('ilze');
    const summary = await b.ok('attendance.summary', { month: '2026-11' });
    expect(summary[0]).toMatchObject({ present: grid.totals.present, NS: 2, NC: 1, N: 2 });
    expect(summary[0].percent).toBe(
      Math.round((grid.totals.present / (grid.totals.present + 5)) * 1000) / 10,
    );
    expect(summary[1]).toMatchObject({ present: 20, NS: 0, NC: 0, N: 0, percent: 100 });
  });
});
