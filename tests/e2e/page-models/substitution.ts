import { expect, type Page } from '@playwright/test';

/** The substitution screen, driven by its labels the way the deputy uses it. */
export class SubstitutionPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Aizvietošana', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Aizvietošana' })).toBeVisible();
  }

  /** Records a substitution for the dates the form offers (today), by the visible labels. */
  async assignToday(group: string, substitute: string): Promise<void> {
    const p = this.page;
    await p.getByTestId('add-substitution').click();
    const dialog = p.getByRole('dialog', { name: 'Pievienot aizvietošanu' });
    await dialog.getByLabel('Grupa', { exact: true }).click();
    await p.getByRole('option', { name: group }).click();
    await dialog.getByLabel('Aizvietotājs', { exact: true }).click();
    await p.getByRole('option', { name: substitute }).click();
    await dialog.getByLabel('Piezīme').fill('Slimības lapa');
    await dialog.getByRole('button', { name: 'Saglabāt' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the "Pievienot aizvietošanu" dialog, and closes it unsaved. */
  async startNew(): Promise<void> {
    await this.page.getByTestId('add-substitution').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Atcelt' }).click();
  }

  /** The absent teacher's home screen: what was entered for her group while she was away. */
  notice() {
    return this.page.getByTestId('substitution-notice');
  }

  async openNoticeEntries(): Promise<void> {
    await this.notice().getByRole('link', { name: 'Skatīt ierakstus' }).click();
  }

  /** The rows of the entries made on her behalf. */
  entryRows() {
    return this.page.getByTestId('substitution-entries').locator('tbody tr');
  }

  row(text: string) {
    return this.page.getByTestId('substitutions').getByRole('row', { name: new RegExp(text) });
  }
}
