import { expect, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';
import { AttendancePage, STAFF_PASSWORD, seedKindergarten } from './page-models/attendance';

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
];

/** Names the register holds (people, the institution, the group): data, not UI text. */
const DATA = ['Anna Kalniņa', 'PII «Zīlīte»', 'Zīlītes', 'Elza', 'Ozoliņa', 'Jānis', 'Bērziņš'];
/** Latin words allowed in the Russian UI: the absence codes, file formats and keyboard keys. */
const ALLOWED = new Set(['NS', 'NC', 'N', 'PDF', 'Excel', 'S', 'C', 'P', 'H', 'Delete', 'Ctrl']);

test.use({ now: '2026-11-30T06:30:00Z', webArgs: ['--cheap-keys'] });

test('in Russian, the home, attendance and planning screens show no Latvian or English text', async ({
  page,
  app,
}) => {
  const { groupId } = await seedKindergarten(app, CHILDREN);
  await page.goto(app.url);
  await new LoginPage(page).login('anna', STAFF_PASSWORD);
  const layout = new AppLayout(page);
  const attendance = new AttendancePage(page);
  await expect(layout.welcome()).toBeVisible();

  // The language changes in the top bar, after login.
  await page.getByTestId('language').click();
  await page.getByRole('option', { name: 'Русский' }).click();
  await expect(layout.welcome()).toHaveText('Здравствуйте, Anna Kalniņa!');
  // The language list fades out after the choice; its names are not the page's text.
  await expect(page.getByRole('listbox')).toHaveCount(0);

  /** The page's visible text less the register's own data, as Latin words that should not be there. */
  const foreignWords = async (): Promise<string[]> => {
    let text = await page.locator('body').innerText();
    for (const name of DATA) text = text.replaceAll(name, ' ');
    return (text.match(/[A-Za-zĀ-ž][A-Za-zĀ-ž.-]*/g) ?? []).filter((w) => !ALLOWED.has(w));
  };

  expect(await foreignWords(), 'home').toEqual([]);
  await layout.open('Журнал группы');
  await expect(page.getByRole('heading', { name: 'Журнал группы' })).toBeVisible();
  await attendance.pick('Bērziņš', 'NS');
  await expect(attendance.code('Bērziņš')).toHaveText('NS');
  expect(await foreignWords(), 'day list').toEqual([]);
  // The date picker speaks Russian too.
  await page.getByLabel('Дата').click();
  await expect(page.locator('.p-datepicker-panel')).toContainText('ноябрь');
  expect(await foreignWords(), 'date picker').toEqual([]);
  await page.keyboard.press('Escape');

  await layout.open('Посещаемость за месяц');
  await expect(attendance.monthTotal('Bērziņš', 'NS')).toHaveText('1');
  expect(await foreignWords(), 'month grid').toEqual([]);

  await layout.open('Планирование');
  await expect(page.getByRole('heading', { name: 'Месячные планы' })).toBeVisible();
  expect(await foreignWords(), 'plans').toEqual([]);
  await page.getByTestId(`open-plan-${groupId}`).click();
  await expect(page.getByRole('heading', { name: /Месячный план/ })).toBeVisible();
  expect(await foreignWords(), 'plan').toEqual([]);
});
