import { expect, type Download, type Page } from '@playwright/test';
import type { RunningApp } from '../fixtures';
import { setUpInstitution } from './auth';

export const STAFF_PASSWORD = 'darbinieka-parole-1';

/**
 * A valid new-format personal code (from 1 July 2017: '32…', no date in it), as children born
 * in 2022 have; the date of birth is given separately.
 */
export function personalCode(_birth: string, n: number): string {
  const code = `32${String(4100 + n).padStart(4, '0')}${String(52000 + n * 37).padStart(5, '0')}`;
  return `${code.slice(0, 6)}-${code.slice(6)}`;
}

/** Head, deputy and teacher anna; «Zīlītes» with anna and the children, through the people API. */
export async function seedGroup(app: RunningApp, children: [string, string, string][]) {
  await setUpInstitution(app);
  const ids: Record<string, number> = {};
  for (const [username, fullName, role] of [
    ['dace', 'Dace Vītola', 'deputy'],
    ['anna', 'Anna Kalniņa', 'teacher'],
  ] as const) {
    const user = await app.api('users.create', {
      username,
      fullName,
      role,
      temporaryPassword: 'pagaidu-parole-1',
    });
    ids[username] = user.id;
    await app.api('auth.logout');
    await app.api('auth.login', { username, password: 'pagaidu-parole-1' });
    await app.api('auth.changePassword', {
      currentPassword: 'pagaidu-parole-1',
      newPassword: STAFF_PASSWORD,
      newPasswordRepeat: STAFF_PASSWORD,
    });
    await app.api('auth.logout');
    await app.api('auth.login', { username: 'ilze', password: 'vadītājas-parole-1' });
  }
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'dace', password: STAFF_PASSWORD });
  const group = await app.api('groups.create', {
    number: 3,
    name: 'Zīlītes',
    ageFromMonths: 36,
    ageToMonths: 72,
    capacity: 20,
    schoolYear: 2026,
    activeFrom: '2026-09-01',
    activeTo: '2027-08-31',
  });
  await app.api('groups.assignTeacher', {
    groupId: group.id,
    userId: ids.anna,
    fromDate: '2026-09-01',
  });
  for (const [i, [firstName, lastName, birthDate]] of children.entries()) {
    await app.api('children.create', {
      firstName,
      lastName,
      personalCode: personalCode(birthDate, i + 1),
      birthDate,
      groupId: group.id,
      fromDate: '2026-09-01',
    });
  }
  await app.api('auth.logout');
  return { groupId: group.id };
}

/** The plan screen, driven by labels and buttons. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  /** "Plānošana" in the menu: the month's plans of her groups, with their due dates. */
  async openPlans(): Promise<void> {
    await this.page.getByRole('link', { name: 'Plānošana' }).click();
  }

  /** The overview opens on the current month; another is chosen from the month list. */
  async chooseMonth(label: string): Promise<void> {
    await this.page.getByTestId('plan-month').click();
    await this.page.getByRole('option', { name: label }).click();
  }

  plansHeading() {
    return this.page.getByRole('heading', { name: 'Mēneša plāni' });
  }

  /** A cell of the plans table, by its text (e.g. the due date). */
  cell(text: string) {
    return this.page.getByRole('cell', { name: text });
  }

  async openPlan(groupId: number): Promise<void> {
    await this.page.getByTestId(`open-plan-${groupId}`).click();
  }

  heading(name: RegExp) {
    return this.page.getByRole('heading', { name });
  }

  async addTopic(): Promise<void> {
    await this.page.getByTestId('add-topic').click();
  }

  titleField() {
    return this.page.getByLabel('Temats', { exact: true });
  }

  async setMessage(text: string): Promise<void> {
    await this.page.getByLabel('Ziņa bērnam').fill(text);
  }

  /** A topic of the plan's list, by its title; a click opens it in the form. */
  topic(title: string) {
    return this.page.getByTestId(`topic-${title}`);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('submit-plan').click();
  }

  /** Who submitted the plan and when. */
  meta() {
    return this.page.getByTestId('plan-meta');
  }

  version(n: number) {
    return this.page.getByTestId(`version-${n}`);
  }

  versions() {
    return this.page.getByTestId('versions').locator(':scope > li');
  }

  /** "Vērtēt" beside a topic: its assessment sheet. */
  async assess(title: string): Promise<void> {
    await this.page
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByRole('link', { name: 'Vērtēt' })
      .click();
  }

  async fillTopic(t: {
    title: string;
    from: string;
    to: string;
    message: string;
    results: Record<string, string>;
    walks?: string;
  }): Promise<void> {
    const p = this.page;
    await p.getByLabel('Temats', { exact: true }).fill(t.title);
    await this.date('No', t.from);
    await this.date('Līdz', t.to);
    await p.getByLabel('Ziņa bērnam').fill(t.message);
    await p.getByLabel('Saturs').fill('Rotaļnodarbības, pētīšana un sarunas.');
    for (const [area, text] of Object.entries(t.results)) {
      await p.getByLabel(area, { exact: true }).fill(text);
    }
    if (t.walks) await p.getByLabel('Pastaigas').fill(t.walks);
    await this.saved();
  }

  async date(label: string, value: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Escape');
    await expect(input).toHaveValue(value);
  }

  async saved(): Promise<void> {
    await expect(this.page.getByTestId('draft-state')).toHaveText(/Melnraksts saglabāts/, {
      timeout: 10_000,
    });
  }
}

/** A topic's assessment sheet (children × areas) and a child's progress. */
export class SheetPage {
  constructor(private readonly page: Page) {}

  heading(topic: string) {
    return this.page.getByRole('heading', { name: `Vērtēšana: ${topic}` });
  }

  /** A child's mark in an area (VAL, MAT, …). */
  cell(child: string, area: string) {
    return this.page.getByTestId(`cell-${child}-${area}`);
  }

  /** "Saglabāts" once the marks are stored. */
  state() {
    return this.page.getByTestId('sheet-state');
  }

  /** The "to assess later" list, and its empty state. */
  later() {
    return this.page.getByTestId('later-list');
  }

  laterEmpty() {
    return this.page.getByTestId('later-empty');
  }

  async openProgress(child: string): Promise<void> {
    await this.page.getByRole('link', { name: child }).click();
  }

  progressHeading(name: RegExp) {
    return this.page.getByRole('heading', { name });
  }

  /** The progress PDF, as the browser downloads it. */
  async downloadProgress(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('progress-pdf').click(),
    ]);
    return download;
  }
}
