import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { AbsenceCode } from '../../common/contract/attendance';
import { ARTIFACTS, expect, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { AttendancePage, STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';

const FIRST = [
  'Elza',
  'Jānis',
  'Mārtiņš',
  'Līga',
  'Rūta',
  'Kārlis',
  'Anna',
  'Emīls',
  'Sofija',
  'Ģirts',
];
const LAST = [
  'Ozoliņ',
  'Bērziņ',
  'Kalniņ',
  'Šmit',
  'Žagar',
  'Liepiņ',
  'Krūmiņ',
  'Vītol',
  'Ābel',
  'Ēķ',
];

/** Thirty children, one of them with a name long enough to wrap in its cell. */
function children(): [string, string, string][] {
  const out: [string, string, string][] = [
    ['Aleksandra-Viktorija', 'Vanaga-Ozoliņa-Bērziņa-Kalniņa', '2023-01-15'],
  ];
  for (let i = 1; i < 30; i++) {
    const girl = i % 2 === 0;
    out.push([
      FIRST[i % 10],
      `${LAST[(i * 3) % 10]}${girl ? 'a' : 's'}${i > 9 ? '-Sīle' : ''}`,
      `2023-0${(i % 9) + 1}-1${i % 9}`,
    ]);
  }
  return out;
}

// 08:30 in Riga on Monday 3 April 2028 (summer time): March 2028 has 23 working days, all past.
test.use({ now: '2028-04-03T05:30:00Z' });
test.setTimeout(180_000);

test('the monthly sheet PDF of a 23-day month with 30 children holds every day and every total', async ({
  page,
  app,
}) => {
  const { groupId } = await seedKindergarten(app, children(), 2027);
  // The teacher marked March: a few absences per child, with all three codes.
  await app.api('auth.login', { username: 'anna', password: STAFF_PASSWORD });
  const march = await app.api('attendance.month', { groupId, month: '2028-03' });
  const days = march.days.filter((d) => d.working).map((d) => d.date);
  expect(days).toHaveLength(23);
  const codes: AbsenceCode[] = ['NS', 'NC', 'N'];
  await app.api('attendance.save', {
    groupId,
    changes: march.children.flatMap((c, i) =>
      days
        .filter((_, d) => (d + i) % 7 === 0)
        .map((date, k) => ({ childId: c.childId, date, expected: null, code: codes[(i + k) % 3] })),
    ),
  });
  await app.api('auth.logout');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await new LoginPage(page).login('anna', STAFF_PASSWORD);
  const attendance = new AttendancePage(page);
  await attendance.openMonth();
  await page.getByTestId('prev-month').click();
  await expect(attendance.monthRow('Vanaga-Ozoliņa-Bērziņa-Kalniņa')).toBeVisible();
  const download = await attendance.exportPdf();
  expect(download.suggestedFilename()).toBe('apmeklejums-2028-03-3Zilites.pdf');
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, 'attendance-sheet.pdf');
  await download.saveAs(file);

  const grid = await app.api('attendance.month', { groupId, month: '2028-03' });
  const parser = new PDFParse({ data: readFileSync(file) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  const lines = text.split('\n').map((l) => l.trim());
  // Text past the page's edge is not extracted: a cut sheet loses its last days and totals.
  const head = lines.find((l) => l.startsWith('Bērns'));
  expect(head?.split(' ')).toEqual([
    'Bērns',
    ...days.map((d) => d.slice(8)),
    'Apm.',
    'NS',
    'NC',
    'N',
  ]);
  let at = lines.indexOf(head!) + 1;
  for (const child of grid.children) {
    const { present, NS, NC, N } = child.totals;
    const cells = [...days.map((d) => child.codes[d] ?? '+'), present, NS, NC, N].join(' ');
    // A long name wraps inside its cell; the row's codes and totals end on a later line.
    let name = '';
    while (!lines[at].endsWith(cells) && name.length < 200) {
      const line = lines[at++];
      name += line.endsWith('-') ? line : `${line} `; // a break after a hyphen has no space
    }
    name += lines[at++].slice(0, -cells.length);
    expect(name.trim()).toBe(`${child.firstName} ${child.lastName}`); // "Vārds Uzvārds", sorted by surname
  }
  const { present, NS, NC, N } = grid.totals;
  expect(lines.find((l) => l.startsWith('Kopā'))).toMatch(
    new RegExp(` ${present} ${NS} ${NC} ${N}$`),
  );
  expect(NS + NC + N).toBeGreaterThan(60);

  // The page as it prints, for a person to look at (tests/artifacts/attendance-sheet-pdf.png).
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-singlefile',
    file,
    file.replace(/\.pdf$/, '-pdf'),
  ]);
});
