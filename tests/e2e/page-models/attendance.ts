import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { RunningApp } from '../fixtures';
import { setUpInstitution } from './auth';

/**
 * A new-format personal code (32xxxx-xxxxx, issued since July 2017: no birth date or check
 * digit in it, so the birth date goes beside it).
 */
export function personalCode(n: number): string {
  return `32${String(4100 + n).padStart(4, '0')}-${String(52000 + n * 37).padStart(5, '0')}`;
}

export const STAFF_PASSWORD = 'darbinieka-parole-1';

/**
 * Staff, a group and its children, made through the people API (as the deputy would); the
 * group runs the school year that starts in September of `schoolYear`.
 */
export async function seedKindergarten(
  app: RunningApp,
  children: [string, string, string][],
  schoolYear = 2026,
) {
  await setUpInstitution(app);
  const ids: Record<string, number> = {};
  for (const [username, fullName, role] of [
    ['dace', 'Dace Vītola', 'deputy'],
    ['anna', 'Anna Kalniņa', 'teacher'],
    ['marta', 'Mārta Ābele', 'nurse'],
  ] as const) {
    const user = await app.api('users.create', {
      username,
      fullName,
      role,
      temporaryPassword: 'pagaidu-parole-1',
    });
    ids[username] = user.id;
  }
  for (const username of ['dace', 'anna', 'marta']) {
    await app.api('auth.logout');
    await app.api('auth.login', { username, password: 'pagaidu-parole-1' });
    await app.api('auth.changePassword', {
      currentPassword: 'pagaidu-parole-1',
      newPassword: STAFF_PASSWORD,
      newPasswordRepeat: STAFF_PASSWORD,
    });
  }
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'dace', password: STAFF_PASSWORD });
  const group = await app.api('groups.create', {
    number: 3,
    name: 'Zīlītes',
    ageFromMonths: 36,
    ageToMonths: 72,
    capacity: Math.max(20, children.length),
    schoolYear,
    activeFrom: `${schoolYear}-09-01`,
    activeTo: `${schoolYear + 1}-08-31`,
  });
  await app.api('groups.assignTeacher', {
    groupId: group.id,
    userId: ids.anna,
    fromDate: `${schoolYear}-09-01`,
  });
  for (const [i, [firstName, lastName, birthDate]] of children.entries()) {
    await app.api('children.create', {
      firstName,
      lastName,
      personalCode: personalCode(i + 1),
      birthDate,
      groupId: group.id,
      fromDate: `${schoolYear}-09-01`,
    });
  }
  await app.api('auth.logout');
  return { groupId: group.id };
}

export class AttendancePage {
  constructor(private readonly page: Page) {}

  row(lastName: string) {
    return this.page.getByTestId(`child-${lastName}`);
  }

  /** Puts the keyboard on a child's code picker (its current code), as Tab would. */
  async focusRow(lastName: string): Promise<void> {
    await this.row(lastName).locator('[role="radio"][aria-checked="true"]').focus();
  }

  /** Clicks a code on a child's row: 'present', 'NS', 'NC' or 'N'. */
  async pick(lastName: string, code: 'present' | 'NS' | 'NC' | 'N'): Promise<void> {
    await this.row(lastName).getByTestId(`pick-${code}`).click();
  }

  /** The code a child's row of the day shows ("klāt", N, NS, NC). */
  code(lastName: string) {
    return this.row(lastName).getByTestId('code');
  }

  confirmButton() {
    return this.page.getByTestId('confirm-day');
  }

  async confirmDay(): Promise<void> {
    await this.confirmButton().click();
  }

  /** Who confirmed the day, when, and whether on time. */
  confirmation() {
    return this.page.getByTestId('confirmation');
  }

  /** Opens the history of a child's day: from the day's list (by last name) or a nurse's row. */
  async openHistory(child: string | Locator): Promise<void> {
    const row = typeof child === 'string' ? this.row(child) : child;
    await row.getByRole('button', { name: 'Vēsture' }).click();
  }

  /** The rows of the open history dialog, oldest first. */
  historyRows() {
    return this.page.getByTestId('history').locator('tbody tr');
  }

  async openNurseCheck(): Promise<void> {
    await this.page.getByRole('link', { name: 'Māsas pārbaude' }).click();
  }

  /** A group's block on the nurse's screen, by the group's name. */
  nurseGroup(name: string) {
    return this.page.getByTestId(`nurse-group-${name}`);
  }

  /** An absent child of a group on the nurse's screen. */
  absentee(group: string, lastName: string) {
    return this.nurseGroup(group).getByTestId(`absentee-${lastName}`);
  }

  /** The nurse changes an absent child's code, with the reason ("Jānis Bērziņš": the label). */
  async correct(absentee: Locator, label: string, code: string, reason: string): Promise<void> {
    await absentee.getByRole('combobox', { name: `Kods: ${label}` }).click();
    await this.page.getByRole('option', { name: code, exact: true }).click();
    await absentee.getByLabel(`Labojuma iemesls: ${label}`).fill(reason);
    await absentee.getByRole('button', { name: 'Labot' }).click();
  }

  async nurseConfirm(): Promise<void> {
    await this.page.getByTestId('nurse-confirm').click();
  }

  nurseChecked() {
    return this.page.getByTestId('nurse-checked');
  }

  async openMonth(): Promise<void> {
    await this.page.getByRole('link', { name: 'Mēneša apmeklējums' }).click();
  }

  /** A child's row of the month grid. */
  monthRow(lastName: string) {
    return this.page.getByTestId('month-grid').getByTestId(`row-${lastName}`);
  }

  /** A child's total of one code in the month grid. */
  monthTotal(lastName: string, code: 'NS' | 'NC' | 'N') {
    return this.monthRow(lastName).getByTestId(`total-${code}`);
  }

  /** A child's totals in the month grid: present, NS, NC, N. */
  async rowTotals(lastName: string): Promise<number[]> {
    const cells = await this.monthRow(lastName).locator('td.total').allTextContents();
    return cells.map(Number);
  }

  /** The month's XLSX, as the browser downloads it. */
  async exportPdf(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-pdf').click(),
    ]);
    return download;
  }

  async exportXlsx(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-xlsx').click(),
    ]);
    return download;
  }

  async openDay(): Promise<void> {
    await this.page.getByRole('link', { name: 'Grupas žurnāls' }).click();
    await expect(this.page.getByRole('heading', { name: 'Grupas žurnāls' })).toBeVisible();
  }

  /** Totals of the grid's footer row: present, NS, NC, N. */
  async gridTotals(): Promise<number[]> {
    const cells = this.page.getByTestId('row-totals').locator('td.total');
    return (await cells.allTextContents()).map((t) => Number(t.trim()));
  }
}
