import { expect, snapshot, test } from './fixtures';
import {
  ACCOUNTS,
  axeFindings,
  menuLinks,
  seedEveryRole,
  settled,
  type Finding,
} from './page-models/a11y';
import { LoginPage } from './page-models/auth';
import { AppLayout } from './page-models/layout';

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
  ['Līga', 'Šmite', '2022-07-21'],
];

test.use({ viewport: { width: 1366, height: 768 }, webArgs: ['--cheap-keys'] });
// One backend, one login per role (five full-strength key derivations) and ~40 screens.
test.setTimeout(360_000);

test('axe: no critical or serious violation on any screen of any role', async ({ page, app }) => {
  await seedEveryRole(app, CHILDREN);
  await page.goto(app.url);
  const login = new LoginPage(page);
  const layout = new AppLayout(page);
  await expect(login.heading()).toBeVisible();
  const findings: Finding[] = await axeFindings(page, 'login');
  let screens = 1;

  for (const account of ACCOUNTS) {
    await login.login(account.username, account.password);
    await settled(page);
    const links = menuLinks(page);
    await expect(links.first()).toBeVisible();
    // The whole menu fits 1366×768 without scrolling (the head's is the longest).
    const last = await links.last().boundingBox();
    expect(last && last.y + last.height).toBeLessThanOrEqual(768);
    if (account.role === 'head') await snapshot(page, 'menu-head');
    const targets = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(targets.length).toBeGreaterThan(2);
    for (const [i, target] of targets.entries()) {
      await links.nth(i).click();
      await expect(page).toHaveURL(new RegExp(`${target.replace(/[/#]/g, '\\$&')}$`));
      await settled(page);
      findings.push(...(await axeFindings(page, `${account.role} ${target}`)));
      screens++;
      // A hub's other screens are tabs on top of its first (the head's settings).
      const tabs = page.getByRole('navigation', { name: 'Iestatījumi' }).getByRole('link');
      const more = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      for (const tab of more.filter((t) => t !== target)) {
        await tabs.and(page.locator(`[href="${tab}"]`)).click();
        await settled(page);
        findings.push(...(await axeFindings(page, `${account.role} ${tab}`)));
        screens++;
      }
    }
    // About, linked from the top bar for every role.
    await page.getByRole('link', { name: 'Par programmu' }).click();
    await settled(page);
    findings.push(...(await axeFindings(page, `${account.role} #/about`)));
    await layout.logout();
    await expect(login.heading()).toBeVisible();
  }
  // Every finding at once, so one run lists the whole work.
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  expect(screens).toBeGreaterThan(30);
});
