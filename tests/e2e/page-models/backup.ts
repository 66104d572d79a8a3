import { expect, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';

/** The head's backup screen and the first-run restore, driven by labels and buttons. */
export class BackupPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Rezerves kopijas' }).click();
    await expect(
      this.page.getByRole('heading', { name: 'Rezerves kopijas', level: 1 }),
    ).toBeVisible();
  }

  private section(name: string) {
    return this.page.getByRole('region', { name });
  }

  async export(folder: string, passphrase: string, repeat = passphrase): Promise<void> {
    const s = this.section('Izveidot rezerves kopiju');
    await s.getByLabel('Mape').fill(folder);
    await s.getByLabel('Rezerves kopijas parole', { exact: true }).fill(passphrase);
    await s.getByLabel('Rezerves kopijas parole atkārtoti').fill(repeat);
    await s.getByRole('button', { name: 'Izveidot rezerves kopiju' }).click();
  }

  exported() {
    return this.page.getByTestId('exported');
  }

  /** The automatic backup's last result on the settings part of the screen. */
  autoStatus() {
    return this.page.getByTestId('auto-status');
  }

  /** The head's home screen after a failed automatic backup. */
  failure() {
    return this.page.getByTestId('backup-failure');
  }

  /** From that notice to the automatic backup settings. */
  async openSettingsFromFailure(): Promise<void> {
    await this.page.getByRole('link', { name: 'Atvērt rezerves kopiju iestatījumus' }).click();
  }

  async restore(file: string, passphrase: string): Promise<void> {
    const s = this.section('Atjaunot no rezerves kopijas');
    await s.getByLabel('Rezerves kopijas fails').fill(file);
    await s.getByLabel('Rezerves kopijas parole', { exact: true }).fill(passphrase);
    await s.getByRole('button', { name: 'Atjaunot' }).click();
  }

  async confirmRestore(): Promise<void> {
    const dialog = formDialog(this.page);
    await expect(dialog).toContainText('Aizstāt pašreizējos datus?');
    await dialog.getByRole('button', { name: 'Jā, atjaunot' }).click();
  }
}

export class RestoreSetupPage {
  constructor(private readonly page: Page) {}

  async restore(file: string, passphrase: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: 'Atjaunot no rezerves kopijas' }),
    ).toBeVisible();
    await this.page.getByLabel('Rezerves kopijas fails').fill(file);
    await this.page.getByLabel('Rezerves kopijas parole').fill(passphrase);
    await this.page.getByRole('button', { name: 'Atjaunot' }).click();
  }
}
