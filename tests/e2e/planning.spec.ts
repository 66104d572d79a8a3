import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { PlanPage, STAFF_PASSWORD, seedGroup } from './page-models/planning';

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
  await page.getByRole('link', { name: 'Plānošana' }).click();
  await expect(page.getByRole('heading', { name: 'Mēneša plāni' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '30.12.2026' })).toBeVisible();
  await page.getByTestId(`open-plan-${groupId}`).click();

  // Two topics; the second runs past the month's end. Drafts save as she types.
  const plan = new PlanPage(page);
  await expect(
    page.getByRole('heading', { name: /Mēneša plāns: Zīlītes, 2027\. gada janvāris/ }),
  ).toBeVisible();
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
  await page.getByTestId('add-topic').click();
  await expect(page.getByLabel('Temats', { exact: true })).toHaveValue('');
  await plan.fillTopic({
    title: 'Sniegs',
    from: '18.01.2027',
    to: '05.02.2027',
    message: 'Sniegs krīt.',
    results: { 'Dabaszinātņu mācību joma': 'Novēro, kā sniegs kūst.' },
  });
  await expect(page.getByTestId('topic-Ziema')).toBeVisible();
  await expect(page.getByTestId('topic-Sniegs')).toContainText('18.01.2027–05.02.2027');
  await page.getByTestId('submit-plan').click();
  await expect(page.getByText('Plāns iesniegts.')).toBeVisible();
  await expect(page.getByTestId('plan-meta')).toContainText(
    /Iesniegts 28\.12\.2026 10:\d\d, Anna Kalniņa/,
  );
  await expect(page.getByTestId('version-1')).toContainText('Pievienots temats “Sniegs”');

  // The amendment: a new message for «Ziema», submitted again; two versions with the difference.
  await page.getByTestId('topic-Ziema').click();
  await expect(page.getByLabel('Temats', { exact: true })).toHaveValue('Ziema');
  await page.getByLabel('Ziņa bērnam').fill('Ziemā mēs slēpojam un ragaviņām braucam.');
  await plan.saved();
  await page.getByTestId('submit-plan').click();
  await expect(page.getByTestId('version-2')).toContainText(
    '“Ziema”: Ziņa bērnam — “Ziema ir balta un auksta.” → “Ziemā mēs slēpojam un ragaviņām braucam.”',
  );
  await expect(page.getByTestId('versions').locator(':scope > li')).toHaveCount(2);
  await snapshot(page, 'planning-plan');

  // The assessment sheet: five children × two areas, all by keyboard; Rūta was absent (K).
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Ziema' })
    .getByRole('link', { name: 'Vērtēt' })
    .click();
  await expect(page.getByRole('heading', { name: 'Vērtēšana: Ziema' })).toBeVisible();
  await page.getByTestId('cell-Jānis Bērziņš-VAL').click();
  // Rows: Bērziņš, Kalniņš, Ozoliņa, Šmite, Žagare (Latvian order).
  for (const key of ['a', 't', 's', 'p', 'k']) await page.keyboard.press(key);
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  for (const key of ['A', 'A', 'T', 'S', 'K']) await page.keyboard.press(key);
  // A wrong key on a marked cell, then Delete and the right one.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Delete');
  await page.keyboard.press('P');
  await expect(page.getByTestId('sheet-state')).toHaveText(/Saglabāts/);
  await expect(page.getByTestId('cell-Jānis Bērziņš-VAL')).toHaveText('A');
  await expect(page.getByTestId('cell-Līga Šmite-MAT')).toHaveText('P');
  await expect(page.getByTestId('cell-Rūta Žagare-VAL')).toHaveText('K');
  await expect(page.getByTestId('later-list')).toContainText('Rūta Žagare — Ziema');
  await snapshot(page, 'planning-sheet');

  // Rūta is back: her marks empty the "to assess later" list.
  await page.getByTestId('cell-Rūta Žagare-VAL').click();
  await page.keyboard.press('A');
  await page.getByTestId('cell-Rūta Žagare-MAT').click();
  await page.keyboard.press('T');
  await expect(page.getByTestId('later-empty')).toBeVisible();
  await expect(page.getByTestId('cell-Rūta Žagare-MAT')).toHaveText('T');

  // Her progress over the school year, on screen and as a PDF for the talk with her parents.
  await page.getByRole('link', { name: 'Rūta Žagare' }).click();
  await expect(
    page.getByRole('heading', { name: /Rūta Žagare: sasniegumi 2026\.\/2027\./ }),
  ).toBeVisible();
  await snapshot(page, 'planning-progress');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('progress-pdf').click(),
  ]);
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
