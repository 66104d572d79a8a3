import { expect, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';

/** The head's (and deputy's) staff accounts screen. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Lietotāji' }).click();
  }

  /** Opens "Jauns lietotājs" and fills it; the dialog stays open for the caller to save. */
  async fillNew(user: { fullName: string; username: string; password: string }) {
    await this.page.getByTestId('add-user').click();
    const dialog = formDialog(this.page);
    await dialog.getByLabel('Vārds, uzvārds').fill(user.fullName);
    await dialog.getByLabel('Lietotājvārds').fill(user.username);
    await dialog.getByLabel('Pagaidu parole').fill(user.password);
    return dialog;
  }

  /** The temporary password field of the open dialog, to correct a refused one. */
  async retypePassword(password: string): Promise<void> {
    await formDialog(this.page).getByLabel('Pagaidu parole').fill(password);
  }

  async save(): Promise<void> {
    await formDialog(this.page).getByRole('button', { name: 'Saglabāt' }).click();
  }

  async add(user: { fullName: string; username: string; password: string }): Promise<void> {
    const dialog = await this.fillNew(user);
    await this.save();
    await expect(dialog).toBeHidden();
  }

  /** A cell of the users table by its text. */
  cell(text: string, options: { exact?: boolean } = {}) {
    return this.page.getByRole('cell', { name: text, ...options });
  }

  /** The name field of the "Jauns lietotājs" dialog, found by the dialog's title. */
  newUserName() {
    return this.page.getByRole('dialog', { name: 'Jauns lietotājs' }).getByLabel('Vārds, uzvārds');
  }

  async startNew(): Promise<void> {
    await this.page.getByTestId('add-user').click();
  }
}
