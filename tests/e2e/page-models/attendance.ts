import { expect, type Page } from '@playwright/test';
import type { RunningApp } from '../fixtures';

/**
 * A new-format personal code (32xxxx-xxxxx, issued since July 2017: no birth date or check
 * digit in it, so the birth date goes beside it).
 */
export function personalCode(n: number): string {
  return `32${String(4100 + n).padStart(4, '0')}-${String(52000 + n * 37).padStart(5, '0')}`;
}

export const STAFF_PASSWORD = 'darbinieka-parole-1';

/** Staff, a group and its children, made through the people API (as the deputy would). */
export async function seedKindergarten(app: RunningApp, children: [string, string, string][]) {
  await app.api('auth.setup', {
    institution: { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
    head: {
      fullName: 'Ilze Bērziņa',
      username: 'ilze',
      newPassword: 'vadītājas-parole-1',
      newPasswordRepeat: 'vadītājas-parole-1',
    },
  });
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
      personalCode: personalCode(i + 1),
      birthDate,
      groupId: group.id,
      fromDate: '2026-09-01',
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
