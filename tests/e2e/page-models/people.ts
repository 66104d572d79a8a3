import { expect, type Locator, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';

/** The people screens, driven by their labels the way the deputy uses them. */
export class PeoplePages {
  constructor(private readonly page: Page) {}

  async open(menu: 'Grupas' | 'Bērni' | 'Iesniegumi' | 'Imports' | 'Lietotāji'): Promise<void> {
    await this.page.getByRole('link', { name: menu, exact: true }).click();
  }

  /** Picks an option of a PrimeVue Select or AutoComplete that is open. */
  async choose(option: string | RegExp): Promise<void> {
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Types a search into an AutoComplete and picks a suggestion. */
  async suggest(input: Locator, query: string, option: string | RegExp): Promise<void> {
    await input.pressSequentially(query);
    await this.page.getByRole('option', { name: option }).click();
  }

  async createGroup(number: string, name: string): Promise<void> {
    const p = this.page;
    await p.getByTestId('add-group').click();
    const dialog = formDialog(p);
    // InputNumber reads keystrokes, not a pasted value.
    const field = dialog.getByLabel('Numurs');
    await field.pressSequentially(number);
    await expect(field).toHaveValue(number);
    await dialog.getByLabel('Nosaukums').fill(name);
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    await expect(dialog).toBeHidden();
  }

  async fillChild(child: { firstName: string; lastName: string; code: string }, group: string) {
    const dialog = formDialog(this.page);
    await dialog.getByLabel('Vārds', { exact: true }).fill(child.firstName);
    await dialog.getByLabel('Uzvārds').fill(child.lastName);
    await dialog.getByLabel('Personas kods').fill(child.code);
    await dialog.getByLabel('Grupa', { exact: true }).click();
    await this.choose(group);
  }

  /** From an open child's record: links a parent already in the register, found by name. */
  async linkGuardian(search: string, option: string | RegExp, relation = 'māte'): Promise<void> {
    await this.page.getByTestId('link-guardian').click();
    const dialog = this.page.getByRole('dialog', { name: 'Piesaistīt esošu vecāku' });
    await this.suggest(dialog.getByLabel('Vecāks', { exact: true }), search, option);
    await dialog.getByLabel('Radniecība').click();
    await this.choose(relation);
    await dialog.getByRole('button', { name: 'Piesaistīt' }).click();
    await expect(dialog).toBeHidden();
  }

  /** From an open child's record: changes the first name. */
  async renameChild(firstName: string): Promise<void> {
    await this.page.getByTestId('edit-child').click();
    const dialog = this.page.getByRole('dialog', { name: 'Labot bērna datus' });
    // The form is ready once the stored code has been revealed into it.
    await expect(dialog.getByLabel('Personas kods')).toBeEnabled();
    await dialog.getByLabel('Vārds', { exact: true }).fill(firstName);
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    await expect(dialog).toBeHidden();
  }
}

export async function changeTemporaryPassword(page: Page, temporary: string, next: string) {
  await expect(page.getByTestId('forced')).toBeVisible();
  await page.getByLabel('Pašreizējā parole').fill(temporary);
  await page.getByLabel('Jaunā parole', { exact: true }).fill(next);
  await page.getByLabel('Jaunā parole atkārtoti').fill(next);
  await page.getByRole('button', { name: 'Mainīt paroli' }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
}
