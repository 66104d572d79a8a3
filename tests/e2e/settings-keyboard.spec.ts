import { expect, test } from './fixtures';
import { LoginPage, setUpInstitution } from './page-models/auth';

test.use({ viewport: { width: 1366, height: 768 }, webArgs: ['--cheap-keys'] });

test('the head walks through her settings tabs by keyboard alone', async ({ page, app }) => {
  await setUpInstitution(app);
  await app.api('auth.logout', {});
  await page.goto(app.url);
  await new LoginPage(page).loginByKeyboard('ilze', 'vadītājas-parole-1');

  await page
    .getByTestId('main-nav')
    .getByRole('link', { name: 'Iestatījumi', exact: true })
    .focus();
  await page.keyboard.press('Enter');
  const tabs = page.getByRole('navigation', { name: 'Iestatījumi' }).getByRole('link');
  await expect(tabs).toHaveCount(4);
  const names = (await tabs.allInnerTexts()).map((t) => t.trim());

  for (const i of names.keys()) {
    const tab = tabs.nth(i);
    if (i === 0) await tab.focus();
    else {
      // Tab from the previous tab reaches this one: the tabs are one row in the focus order.
      await tabs.nth(i - 1).focus();
      await page.keyboard.press('Tab');
      await expect(tab).toBeFocused();
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${(await tab.getAttribute('href'))!}$`));
    await expect(tabs.nth(i)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});
