import Database from 'better-sqlite3-multiple-ciphers';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { WorkingCalendar } from '../../common/calendar';
import { applyKey, databasePath, rawConnection } from '../../database/data-source';
import { KeySlotFile, unwrapKey } from '../../database/keyslots';
import { sheetLayout } from '../../electron/api/attendance/sheet-layout';
import { ENROLLED_SQL, GROUP_SQL, MARKS_SQL } from '../../electron/api/attendance/queries';
import { PROGRESS_SQL } from '../../electron/api/assessment/progress';
import { renderPdf } from '../../electron/api/pdf';
import { benchCalendar } from './calendar';
import { BENCH_PASSWORD, BENCH_TODAY } from './dataset';
import { interleave, ratio, type BenchRow } from './harness';
import { benchOverview } from './overview';
import type { Session } from './session';
import { DAY, FIRST, LAST, MONTH, teacherPaths } from './teacher-paths';

// Sub-millisecond operations: enough warm-up for the JIT to settle and runs for a median that
// holds still; writes wait for the disk, so fewer of them.
const FAST = { warmup: 200, runs: 400 };
const WRITES = { warmup: 20, runs: 200 };

const within = (row: BenchRow, times: number) => ({
  label: `≤ ${times}×`,
  met: ratio(row)! <= times,
});

/**
 * The service layer on the ten-year data: each operation through the program (router →
 * validation → service → TypeORM) interleaved run by run with the same work on the raw driver,
 * on the program's own connection (a second connection to the same WAL file slows both).
 */
export async function benchService(s: Session): Promise<BenchRow[]> {
  const { call, login, router, dataDir } = s;
  const rows: BenchRow[] = [];

  // Unlock: key slot + database open, against scrypt + a raw keyed open.
  const [unlockOurs, unlockRaw] = await interleave(
    () => login('vaditaja'),
    async () => {
      const file = await KeySlotFile.load(dataDir);
      const key = await unwrapKey(file.userSlot('vaditaja')!, BENCH_PASSWORD);
      const db = new Database(databasePath(dataDir));
      applyKey(db, key!);
      db.prepare('SELECT name FROM institution WHERE id = 1').get();
      db.close();
    },
    {
      warmup: 1,
      runs: 6,
      before: async (side) => {
        if (side === 'a' && router.state.isOpen()) await call('auth.logout', {});
      },
    },
  );
  const unlock: BenchRow = {
    operation: 'unlock (key slot + open)',
    ours: unlockOurs,
    baseline: unlockRaw,
    baselineLabel: 'scrypt + raw keyed open',
  };
  rows.push({ ...unlock, targets: [within(unlock, 1.5)] });
  rows.push(await benchCalendar());

  // The teacher's own group: her month grid and one mark saved, as ARCHITECTURE's hot paths.
  const teacher = await teacherPaths(s);
  const { groupId, calendar } = teacher;
  let raw = teacher.raw;
  const [gridOurs, gridRaw] = await interleave(teacher.grid, teacher.gridByHand, FAST);
  const grid: BenchRow = {
    // The names tests/bench/server-report.ts looks up for its single-PC column.
    operation: "a group's month grid",
    ours: gridOurs,
    baseline: gridRaw,
    baselineLabel: "as the teacher; by hand: her periods + the grid's three queries",
  };
  rows.push({ ...grid, targets: [within(grid, 2)] });

  const [saveOurs, saveRaw] = await interleave(teacher.saveOne, teacher.saveByHand, WRITES);
  teacher.cleanUp();
  const save: BenchRow = {
    operation: 'saving one mark',
    ours: saveOurs,
    baseline: saveRaw,
    baselineLabel:
      'as the teacher; by hand: her checks, the mark, its history, the audit event and its child link, one transaction',
  };
  rows.push({ ...save, targets: [within(save, 2)] });

  // A group's monthly sheet (PDF), against its grid queries and pdfmake drawing the same table.
  const [sheetOurs, sheetRaw] = await interleave(
    () => call('attendance.export', { groupId, month: MONTH, format: 'pdf' }),
    () => renderPdf(sheetByHand(raw, groupId, calendar)),
    { warmup: 2, runs: 10 },
  );
  rows.push({
    operation: "a group's monthly sheet (PDF)",
    ours: sheetOurs,
    baseline: sheetRaw,
    baselineLabel: 'the grid queries by hand + pdfmake drawing the same table',
  });

  // The nurse's day screen.
  await call('auth.logout', {});
  await login('masa');
  raw = rawConnection(router.state.db);
  const nurseQueries = [
    raw.prepare('SELECT id, number, name FROM "group" WHERE active_from <= ? AND active_to >= ?'),
    raw.prepare(
      'SELECT group_id, COUNT(*) AS n FROM enrolment WHERE from_date <= ? AND (to_date IS NULL OR to_date >= ?) GROUP BY group_id',
    ),
  ];
  const nurseMarks = raw.prepare(
    'SELECT a.group_id, a.child_id, a.code, c.first_name, c.last_name FROM attendance_mark a JOIN child c ON c.id = a.child_id WHERE a.date = ?',
  );
  const nurseDays = raw.prepare('SELECT * FROM attendance_day WHERE date = ?');
  const [nurseOurs, nurseRaw] = await interleave(
    () => call('attendance.nurseDay', { date: DAY }),
    () => {
      for (const q of nurseQueries) q.all(DAY, DAY);
      nurseMarks.all(DAY);
      nurseDays.all(DAY);
    },
  );
  rows.push({
    operation: "the nurse's day screen",
    ours: nurseOurs,
    baseline: nurseRaw,
    baselineLabel: 'the same queries by hand',
  });

  // The school year's aggregate and one child's year of marks, as the head.
  await call('auth.logout', {});
  await login('vaditaja');
  raw = rawConnection(router.state.db);
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 8) % 12) + 1;
    return `${m >= 9 ? 2025 : 2026}-${String(m).padStart(2, '0')}`;
  });
  const aggregate = raw.prepare(
    'SELECT group_id, substr(date, 1, 7) AS month, code, COUNT(*) AS n FROM attendance_mark WHERE date >= ? AND date <= ? GROUP BY group_id, month, code',
  );
  const [yearOurs, yearRaw] = await interleave(
    async () => {
      for (const m of months) await call('attendance.summary', { month: m });
    },
    () => aggregate.all('2025-09-01', '2026-08-31'),
    { warmup: 1, runs: 5 },
  );
  rows.push({
    operation: "the school year's attendance aggregate",
    ours: yearOurs,
    baseline: yearRaw,
    baselineLabel: 'one GROUP BY by hand',
    targets: [{ label: '< 500 ms p95', met: yearOurs.p95 < 500 }],
  });
  const pupil = raw
    .prepare(
      'SELECT a.child_id AS id FROM assessment a JOIN topic t ON t.id = a.topic_id ' +
        "WHERE t.start_date >= '2025-09-01' AND t.end_date <= '2026-08-31' ORDER BY a.id LIMIT 1",
    )
    .get() as { id: number };
  const progress = raw.prepare(PROGRESS_SQL);
  const [progressOurs, progressRaw] = await interleave(
    () => call('assessment.progress', { childId: pupil.id, schoolYear: 2025 }),
    () => progress.all(pupil.id, '2026-08-31', '2025-09-01'),
    FAST,
  );
  rows.push({
    operation: "a child's year of marks",
    ours: progressOurs,
    baseline: progressRaw,
    baselineLabel: 'the same join by hand',
  });

  // What is due, at a glance: the home screens, the year's report and charts, an archive.
  await call('auth.logout', {});
  rows.push(...(await benchOverview(call, login, BENCH_TODAY, 'skolotaja1')));
  return rows;
}

/**
 * The monthly sheet's table drawn by pdfmake straight from the raw rows: a name column, a code
 * per working day, the four totals, in the program's own column widths, type and page.
 */
function sheetByHand(
  raw: Database.Database,
  groupId: number,
  calendar: WorkingCalendar,
): TDocumentDefinitions {
  const group = raw.prepare(GROUP_SQL).get(groupId) as { name: string; institution: string };
  const kids = raw.prepare(ENROLLED_SQL).all(groupId, LAST, FIRST) as {
    childId: number;
    firstName: string;
    lastName: string;
  }[];
  const codes = new Map<string, string>();
  for (const m of raw.prepare(MARKS_SQL).all(groupId, FIRST, LAST) as {
    childId: number;
    date: string;
    code: string;
  }[]) {
    codes.set(`${m.childId}.${m.date}`, m.code);
  }
  const days = calendar.workingDaysOfMonth(2026, 10);
  const layout = sheetLayout(days);
  const body = kids.map((k) => {
    const cells = days.map((d) => codes.get(`${k.childId}.${d}`) ?? '+');
    const count = (c: string) => String(cells.filter((x) => x === c).length);
    return [
      `${k.firstName} ${k.lastName}`,
      ...cells,
      count('+'),
      count('NS'),
      count('NC'),
      count('N'),
    ];
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    defaultStyle: { font: 'Roboto', fontSize: layout.fontSize },
    content: [
      { text: group.institution, bold: true },
      { text: group.name },
      {
        table: {
          headerRows: 1,
          widths: [
            layout.name,
            ...days.map(() => layout.day),
            ...Array<number>(4).fill(layout.total),
          ],
          body: [['Bērns', ...days.map((d) => d.slice(8)), 'Apm.', 'NS', 'NC', 'N'], ...body],
        },
      },
    ],
  };
}
