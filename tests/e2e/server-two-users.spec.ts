import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import {
  acceptNoticeWhenShown,
  expect,
  snapshot,
  startApp,
  test,
  type RunningApp,
} from './fixtures';
import { LoginPage } from './page-models/auth';
import { AttendancePage, STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';
import { startServer, type RunningServer } from './server-mode';

// 08:30 in Riga on Monday 30 November 2026, on the server's clock.
const NOW = '2026-11-30T06:30:00Z';
const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
  ['Līga', 'Šmite', '2022-07-21'],
  ['Rūta', 'Žagare', '2022-10-09'],
];

let server: RunningServer;
const pcs: { app: RunningApp; child: ChildProcess }[] = [];

/** A PC of the kindergarten: browser mode as a client of the server. */
async function pc(): Promise<RunningApp> {
  const started = await startApp(NOW, [
    '--server',
    server.address,
    '--fingerprint',
    server.fingerprint,
  ]);
  pcs.push(started);
  return started.app;
}

test.beforeAll(async () => {
  server = await startServer(NOW);
});
test.afterAll(async () => {
  for (const { app, child } of pcs) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(app.dataDir, { recursive: true, force: true });
  }
  await server?.stop();
});
test.setTimeout(180_000);

test('the teacher and the nurse work in the same day from two PCs: both land, a true conflict is said', async ({
  browser,
}) => {
  const teacherPc = await pc();
  const nursePc = await pc();
  const { groupId } = await seedKindergarten(teacherPc, CHILDREN);

  const teacherContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const nurseContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const teacherPage = await teacherContext.newPage();
  const nursePage = await nurseContext.newPage();
  await acceptNoticeWhenShown(teacherPage);
  await acceptNoticeWhenShown(nursePage);
  await teacherPage.goto(teacherPc.url);
  await nursePage.goto(nursePc.url);
  await new LoginPage(teacherPage).login('anna', STAFF_PASSWORD);
  await new LoginPage(nursePage).login('marta', STAFF_PASSWORD);
  const teacher = new AttendancePage(teacherPage);
  const nurse = new AttendancePage(nursePage);

  // The teacher marks two absences; the nurse, on her own PC, sees them on the server.
  await teacher.openDay();
  await teacher.pick('Bērziņš', 'N');
  await teacher.pick('Šmite', 'N');
  await expect(teacher.code('Šmite')).toHaveText('N');
  await nurse.openNurseCheck();
  const janis = nurse.absentee('Zīlītes', 'Bērziņš');
  await expect(janis).toBeVisible();

  // The nurse corrects one child while the teacher's screen still shows the old code, and the
  // teacher marks another child: both changes land.
  await nurse.correct(janis, 'Jānis Bērziņš', 'NS', 'Atnesta ārsta zīme');
  await expect(janis.getByText('labots')).toBeVisible();
  await teacher.pick('Žagare', 'NC');
  await expect(teacher.code('Žagare')).toHaveText('NC');
  await expect(teacherPage.getByTestId('day-problem')).toHaveCount(0);
  const day = await nursePc.api('attendance.day', { groupId, date: '2026-11-30' });
  const codes = Object.fromEntries(day.children.map((c) => [c.lastName, c.code]));
  expect(codes).toMatchObject({ Bērziņš: 'NS', Šmite: 'N', Žagare: 'NC', Ozoliņa: null });

  // A true conflict: the teacher changes the child the nurse corrected, from the stale N. Nothing
  // is overwritten; she is told and sees the nurse's code.
  await expect(teacher.code('Bērziņš')).toHaveText('N');
  await teacher.pick('Bērziņš', 'present');
  await expect(teacherPage.getByTestId('day-problem')).toContainText(
    'Kamēr strādājāt, kāds cits mainīja apmeklējumu. Nekas netika saglabāts',
  );
  await expect(teacher.code('Bērziņš')).toHaveText('NS');
  await snapshot(teacherPage, 'server-two-users-conflict');
  const after = await nursePc.api('attendance.day', { groupId, date: '2026-11-30' });
  expect(after.children.find((c) => c.lastName === 'Bērziņš')?.code).toBe('NS');

  await teacherContext.close();
  await nurseContext.close();
});
