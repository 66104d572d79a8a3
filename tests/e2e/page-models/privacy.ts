import { expect, type Download, type Page } from '@playwright/test';
import { AppLayout } from './layout';

/** The head's audit viewer, retention screen and privacy notice, driven by their labels. */
export class PrivacyPages {
  constructor(private readonly page: Page) {}

  notice() {
    return this.page.getByTestId('privacy-notice');
  }

  /** By keyboard: the button has the focus when the notice opens. */
  async acceptNotice(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Apņemos ievērot' })).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  async openAudit(): Promise<void> {
    await this.page.getByRole('link', { name: 'Notikumu žurnāls', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Notikumu žurnāls' })).toBeVisible();
  }

  /** Picks an option of one of the viewer's filters (a PrimeVue Select), by its label. */
  async filter(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Types a date into a period field (dd.mm.yyyy, as the staff write it). */
  async period(label: 'No' | 'Līdz', date: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(date);
    await field.press('Enter');
    await field.press('Escape');
  }

  total() {
    return this.page.getByTestId('audit-total');
  }

  rows() {
    return this.page.getByTestId('audit-table').locator('tbody tr');
  }

  problem() {
    return this.page.getByTestId('audit-problem');
  }

  async exportAudit(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('audit-export').click(),
    ]);
    return download;
  }

  async openRetention(): Promise<void> {
    await new AppLayout(this.page).openSettingsTab('Datu glabāšana');
    await expect(this.page.getByRole('heading', { name: 'Bērnu datu glabāšana' })).toBeVisible();
  }

  retentionRow(name: string) {
    return this.page.getByTestId('retention-table').getByRole('row', { name: new RegExp(name) });
  }

  /** Chooses a row and asks to anonymise it: the confirmation opens (Cancel has the focus). */
  async chooseToAnonymise(name: string): Promise<void> {
    await this.retentionRow(name).getByRole('checkbox').check();
    await this.page.getByTestId('anonymise').click();
    await expect(this.page.getByRole('button', { name: 'Atcelt' })).toBeFocused();
  }

  async confirmAnonymise(): Promise<void> {
    await this.page.getByTestId('confirm-anonymise').click();
  }

  /** "Izsniegt bērna datus" in an open child's card: the PDF and the JSON, in that order. */
  async exportChild(): Promise<Download[]> {
    const downloads: Download[] = [];
    const taken = new Promise<void>((resolve) => {
      this.page.on('download', (d) => {
        downloads.push(d);
        if (downloads.length === 2) resolve();
      });
    });
    await this.page.getByTestId('export-child').click();
    await taken;
    return downloads;
  }
}
