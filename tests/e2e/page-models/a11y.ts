import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { RunningApp } from '../fixtures';
import { STAFF_PASSWORD, seedJournals } from './journals';

export { STAFF_PASSWORD };

/** Every role's account on one register: the journals' seed (head, deputy, teacher, speech) and a nurse. */
export const ACCOUNTS = [
  { role: 'head', username: 'ilze', password: 'vadītājas-parole-1' },
  { role: 'deputy', username: 'dace', password: STAFF_PASSWORD },
  { role: 'teacher', username: 'anna', password: STAFF_PASSWORD },
  { role: 'speech', username: 'sarma', password: STAFF_PASSWORD },
  { role: 'nurse', username: 'marta', password: STAFF_PASSWORD },
] as const;

/** «Zīlītes» with its children and every role; a few absences so the lists are not empty. */
export async function seedEveryRole(app: RunningApp, children: [string, string, string][]) {
  const seeded = await seedJournals(app, children);
  await app.api('auth.login', { username: 'ilze', password: 'vadītājas-parole-1' });
  await app.api('auth.confirmRecoveryKey');
  await app.api('users.create', {
    username: 'marta',
    fullName: 'Mārta Ābele',
    role: 'nurse',
    temporaryPassword: 'pagaidu-parole-1',
  });
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'marta', password: 'pagaidu-parole-1' });
  await app.api('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: STAFF_PASSWORD,
    newPasswordRepeat: STAFF_PASSWORD,
  });
  await app.api('auth.logout');
  return seeded;
}

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  nodes: string[];
}

/** The menu's screens, as the logged-in user's menu lists them. */
export function menuLinks(page: Page) {
  return page.getByTestId('main-nav').getByRole('link');
}

/** Waits until the screen has its heading and nothing on it is still loading. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"], .p-skeleton')).toHaveCount(0);
}

/**
 * axe on the whole page with the WCAG 2.1 A and AA rules (contrast, ARIA, names, nesting,
 * keyboard): the critical and serious violations, one finding per rule.
 */
export async function axeFindings(page: Page, screen: string): Promise<Finding[]> {
  // Legacy mode runs axe in the page itself: without it every scan opens a second page.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
}
