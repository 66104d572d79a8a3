import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { ARTIFACTS, expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';
import { AppLayout } from './page-models/layout';
import { PeoplePages } from './page-models/people';
import { PrivacyPages } from './page-models/privacy';

// Thursday 10 December 2026, 10:00 in Riga; the head reads the privacy notice herself.
test.use({ now: '2026-12-10T08:00:00Z', acceptPrivacyNotice: false });
test.setTimeout(120_000);

const HEAD = { username: 'ilze', password: 'vadītājas-parole-1' };

test('the head reads the audit, gives out a child’s data and anonymises a child past retention', async ({
  page,
  app,
}) => {
  const { groupId } = await seedKindergarten(app, [
    ['Elza', 'Ozoliņa', '2022-03-14'],
    ['Paula', 'Jansone', '2022-05-02'],
    ['Jānis', 'Bērziņš', '2022-07-21'],
  ]);
  const as = async (username: string) => {
    await app.api('auth.logout');
    await app.api('auth.login', { username, password: STAFF_PASSWORD });
  };
  await app.api('auth.login', { username: 'anna', password: STAFF_PASSWORD });
  const month = await app.api('attendance.month', { groupId, month: '2026-11' });
  const id = (first: string) => month.children.find((c) => c.firstName === first)!.childId;
  const [elza, paula] = [id('Elza'), id('Paula')];
  await app.api('attendance.save', {
    groupId,
    changes: [
      { childId: elza, date: '2026-11-27', expected: null, code: 'N' },
      { childId: paula, date: '2026-11-26', expected: null, code: 'NC' },
      { childId: paula, date: '2026-11-27', expected: null, code: 'N' },
    ],
  });
  const plan = await app.api('planning.saveTopic', {
    groupId,
    month: '2026-11',
    topic: {
      title: 'Rudens ražas svētki',
      startDate: '2026-11-16',
      endDate: '2026-11-20',
      message: 'Ziņa bērnam: rudens',
      content: 'Rotaļnodarbības un pētīšana.',
      values: ['daba'],
      valuesText: '',
      skills: ['SAD'],
      results: { VAL: 'Stāsta par rudeni.', MAT: 'Skaita ābolus.' },
      extra: {},
    },
  } as never);
  await app.api('assessment.mark', {
    topicId: plan.topics[0].id,
    changes: [
      { childId: elza, area: 'VAL', mark: 'A', reason: null },
      { childId: elza, area: 'MAT', mark: 'T', reason: null },
    ],
  });
  // The nurse corrects Elza's absence with a doctor's note: N → NS.
  await as('marta');
  await app.api('attendance.save', {
    groupId,
    changes: [{ childId: elza, date: '2026-11-27', expected: 'N', code: 'NS' }],
    reason: 'Ārsta zīme',
  });
  await as('dace');
  await app.api('children.leave', { childId: paula, toDate: '2026-11-30' });
  await app.api('auth.logout');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await new LoginPage(page).login(HEAD.username, HEAD.password);
  // The privacy notice comes first, before any screen.
  const privacy = new PrivacyPages(page);
  await expect(privacy.notice()).toContainText('konfidencialitāti arī pēc darba attiecību beigām');
  await snapshot(page, 'privacy-notice');
  await privacy.acceptNotice();
  await expect(new AppLayout(page).welcome()).toBeVisible();

  // The audit viewer: the nurse's correction, both values and who made it.
  await privacy.openAudit();
  await privacy.filter('Darbinieks', 'Mārta Ābele');
  await privacy.filter('Notikums', 'Māsas labojums');
  await expect(privacy.total()).toHaveText('Atrasti notikumi: 1');
  const row = privacy.rows().first();
  await expect(row).toContainText('Mārta Ābele');
  await expect(row).toContainText('Elza Ozoliņa');
  await expect(row).toContainText('27.11.2026: N → NS');
  await snapshot(page, 'audit-viewer');
  const xlsx = await privacy.exportAudit();
  expect(xlsx.suggestedFilename()).toBe('notikumu-zurnals-2026-12-01-2026-12-10.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(readFileSync(await xlsx.path())).buffer);
  const cells = book.worksheets[0].getSheetValues().flat().map(String).join('|');
  expect(cells).toContain('Mārta Ābele');
  expect(cells).toContain('N → NS');
  // An absurd period is refused with its reason; the page stays as it was.
  await privacy.period('Līdz', '01.11.2026');
  await expect(privacy.problem()).toBeVisible();
  await expect(page.getByText('Perioda beigas nevar būt pirms sākuma.')).toBeVisible();
  await expect(privacy.total()).toHaveText('Atrasti notikumi: 1');

  // A child's data on request: the PDF holds her attendance and her marks.
  const people = new PeoplePages(page);
  await people.open('Bērni');
  await page.getByRole('button', { name: 'Atvērt: Elza Ozoliņa' }).click();
  const [pdf, json] = await privacy.exportChild();
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdfFile = path.join(ARTIFACTS, 'child-data.pdf');
  await pdf.saveAs(pdfFile);
  const parser = new PDFParse({ data: readFileSync(pdfFile) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(text).toContain('Elza Ozoliņa');
  expect(text).toMatch(/27\.11\.2026.*NS/);
  expect(text).toContain('Rudens ražas svētki');
  expect(text).not.toContain('Jansone');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '2',
    pdfFile,
    pdfFile.replace(/\.pdf$/, ''),
  ]);
  const data = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    child: { firstName: string };
  };
  expect(data.child.firstName).toBe('Elza');
  await page.keyboard.press('Escape');

  // Six school years later Paula's record is past its retention; Elza, still enrolled, is not.
  const totals = (await app.api('attendance.month', { groupId, month: '2026-11' })).totals;
  await app.api('test.setClock', { now: '2032-09-01T07:00:00Z' });
  await page.goto(app.url);
  await new LoginPage(page).login(HEAD.username, HEAD.password);
  await privacy.openRetention();
  await expect(privacy.retentionRow('Jansone Paula|Paula Jansone')).toBeVisible();
  await expect(page.getByTestId('retention-table')).not.toContainText('Ozoliņa');
  await snapshot(page, 'retention');
  await privacy.chooseToAnonymise('Jansone Paula|Paula Jansone');
  await snapshot(page, 'anonymise-confirm');
  await privacy.confirmAnonymise();
  await expect(page.getByText(/Anonimizēti bērni: 1/)).toBeVisible();
  await expect(page.getByTestId('retention-table')).toHaveCount(0);

  // Her name is gone from every screen and search; the group's month totals are unchanged.
  expect((await app.api('attendance.month', { groupId, month: '2026-11' })).totals).toEqual(totals);
  await people.open('Bērni');
  await page.getByText('Arī bez grupas').click();
  await people.searchChildren('Jansone');
  await expect(people.childCount()).toContainText('0');
  await people.searchChildren('Paula');
  await expect(people.childCount()).toContainText('0');
  await privacy.openAudit();
  await privacy.period('No', '01.11.2026');
  await expect(privacy.total()).not.toHaveText('Atrasti notikumi: 0');
  await page.getByLabel('Bērns', { exact: true }).pressSequentially('Jans');
  // The search has answered: its list holds only the note that nothing was found.
  await expect(page.getByRole('option')).toHaveText(['Nekas nav atrasts']);
  await expect(page.locator('body')).not.toContainText('Jansone');
  await expect(page.locator('body')).not.toContainText('Paula');
});
