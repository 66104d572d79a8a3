import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { PlanPage, SheetPage, STAFF_PASSWORD, seedGroup } from './page-models/planning';

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
  ['Mārtiņš', 'Kalniņš', '2022-06-11'],
  ['Līga', 'Šmite', '2022-07-21'],
  ['Rūta', 'Žagare', '2022-10-09'],
];

// Monday 28 December 2026, 10:00 in Riga: January's plan is due on Wednesday 30.12.
test.use({ now: '2026-12-28T08:00:00Z' });

test('a teacher plans, submits and amends a month, then assesses a topic by keyboard', async ({
  page,
  app,
}) => {
  const { groupId } = await seedGroup(app, CHILDREN);
  await page.goto(app.url);
  await new LoginPage(page).login('anna', STAFF_PASSWORD);
  const plan = new PlanPage(page);
  await plan.openPlans();
  await expect(plan.plansHeading()).toBeVisible();
  await plan.chooseMonth('2027. gada janvāris');
  await expect(plan.cell('30.12.2026')).toBeVisible();
  await plan.openPlan(groupId);

  // Two topics; the second runs past the month's end. Drafts save as she types.
  await expect(plan.heading(/Mēneša plāns: Zīlītes, 2027\. gada janvāris/)).toBeVisible();
  await plan.fillTopic({
    title: 'Ziema',
    from: '04.01.2027',
    to: '15.01.2027',
    message: 'Ziema ir balta un auksta.',
    results: {
      'Valodu mācību joma': 'Stāsta par ziemu pilnos teikumos.',
      'Matemātikas mācību joma': 'Skaita sniegpārslas līdz 10.',
    },
    walks: 'Pastaiga pa sniegoto parku.',
  });
  await plan.addTopic();
  await expect(plan.titleField()).toHaveValue('');
  await plan.fillTopic({
    title: 'Sniegs',
    from: '18.01.2027',
    to: '05.02.2027',
    message: 'Sniegs krīt.',
    results: { 'Dabaszinātņu mācību joma': 'Novēro, kā sniegs kūst.' },
  });
  await expect(plan.topic('Ziema')).toBeVisible();
  await expect(plan.topic('Sniegs')).toContainText('18.01.2027–05.02.2027');
  await plan.submit();
  await expect(page.getByText('Plāns iesniegts.')).toBeVisible();
  await expect(plan.meta()).toContainText(/Iesniegts 28\.12\.2026 10:\d\d, Anna Kalniņa/);
  await expect(plan.version(1)).toContainText('Pievienots temats “Sniegs”');

  // The amendment: a new message for «Ziema», submitted again; two versions with the difference.
  await plan.topic('Ziema').click();
  await expect(plan.titleField()).toHaveValue('Ziema');
  await plan.setMessage('Ziemā mēs slēpojam un ragaviņām braucam.');
  await plan.saved();
  await plan.submit();
  await expect(plan.version(2)).toContainText(
    '“Ziema”: Ziņa bērnam — “Ziema ir balta un auksta.” → “Ziemā mēs slēpojam un ragaviņām braucam.”',
  );
  await expect(plan.versions()).toHaveCount(2);
  await snapshot(page, 'planning-plan');

  // The assessment sheet: five children × two areas, all by keyboard; Rūta was absent (K).
  await plan.assess('Ziema');
  const sheet = new SheetPage(page);
  await expect(sheet.heading('Ziema')).toBeVisible();
  await sheet.cell('Jānis Bērziņš', 'VAL').click();
  // Rows: Bērziņš, Kalniņš, Ozoliņa, Šmite, Žagare (Latvian order).
  for (const key of ['a', 't', 's', 'p', 'k']) await page.keyboard.press(key);
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  for (const key of ['A', 'A', 'T', 'S', 'K']) await page.keyboard.press(key);
  // A wrong key on a marked cell, then Delete and the right one.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Delete');
  await page.keyboard.press('P');
  await expect(sheet.state()).toHaveText(/Saglabāts/);
  await expect(sheet.cell('Jānis Bērziņš', 'VAL')).toHaveText('A');
  await expect(sheet.cell('Līga Šmite', 'MAT')).toHaveText('P');
  await expect(sheet.cell('Rūta Žagare', 'VAL')).toHaveText('K');
  await expect(sheet.later()).toContainText('Rūta Žagare — Ziema');
  await snapshot(page, 'planning-sheet');

  // Rūta is back: her marks empty the "to assess later" list.
  await sheet.cell('Rūta Žagare', 'VAL').click();
  await page.keyboard.press('A');
  await sheet.cell('Rūta Žagare', 'MAT').click();
  await page.keyboard.press('T');
  await expect(sheet.laterEmpty()).toBeVisible();
  await expect(sheet.cell('Rūta Žagare', 'MAT')).toHaveText('T');

  // Her progress over the school year, on screen and as a PDF for the talk with her parents.
  await sheet.openProgress('Rūta Žagare');
  await expect(sheet.progressHeading(/Rūta Žagare: sasniegumi 2026\.\/2027\./)).toBeVisible();
  await snapshot(page, 'planning-progress');
  const download = await sheet.downloadProgress();
  const parser = new PDFParse({ data: readFileSync((await download.path()) ?? '') });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(download.suggestedFilename()).toBe('sasniegumi-Rūta-Žagare-2026.pdf');
  expect(text).toContain('Rūta Žagare');
  expect(text).toContain('Ziema');
  expect(text).toContain('Valodu mācību joma');
  expect(text).toContain('Matemātikas mācību joma');
  expect(text).toContain('A — apguvis');
  expect(text).toContain('T — turpina apgūt');
});
