import { expect, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';
import { AppLayout } from './layout';

/** The head's backup screen and the first-run restore, driven by labels and buttons. */
export class BackupPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new AppLayout(this.page).openSettingsTab('Rezerves kopijas');
    await expect(
      this.page.getByRole('heading', { name: 'Rezerves kopijas', level: 1 }),
    ).toBeVisible();
  }

  private section(name: string) {
    return this.page.getByRole('region', { name });
  }

  /** Exports to `folder`, typed; null keeps the folder already chosen. */
  async export(folder: string | null, passphrase: string, repeat = passphrase): Promise<void> {
    const s = this.section('Izveidot rezerves kopiju');
    if (folder !== null) await s.getByLabel('Mape').fill(folder);
    await s.getByLabel('Rezerves kopijas parole', { exact: true }).fill(passphrase);
    await s.getByLabel('Rezerves kopijas parole atkārtoti').fill(repeat);
    await s.getByRole('button', { name: 'Izveidot rezerves kopiju' }).click();
  }

  /** "Pārlūkot…" beside the export folder: browser mode's picker stands in for the system's. */
  async browseExportFolder(): Promise<PathPicker> {
    await this.section('Izveidot rezerves kopiju')
      .getByRole('button', { name: 'Pārlūkot…' })
      .click();
    return new PathPicker(this.page);
  }

  exportFolder() {
    return this.section('Izveidot rezerves kopiju').getByLabel('Mape');
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

  /** Chooses the backup with "Pārlūkot…" in browser mode's picker: its folder, then the file. */
  async chooseBackup(folder: string, fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Pārlūkot…' }).click();
    const picker = new PathPicker(this.page);
    await picker.open(folder);
    await picker.entry(fileName).click();
    await expect(picker.dialog()).toBeHidden();
    await expect(this.page.getByLabel('Rezerves kopijas fails')).toHaveValue(
      `${folder}/${fileName}`,
    );
  }

  /** Restores from `file`, typed; null keeps the file already chosen. */
  async restore(file: string | null, passphrase: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: 'Atjaunot no rezerves kopijas' }),
    ).toBeVisible();
    if (file !== null) await this.page.getByLabel('Rezerves kopijas fails').fill(file);
    await this.page.getByLabel('Rezerves kopijas parole').fill(passphrase);
    await this.page.getByRole('button', { name: 'Atjaunot' }).click();
  }
}

/** Browser mode's own picker of a backup folder or file (components/PathPickerDialog.vue). */
export class PathPicker {
  constructor(private readonly page: Page) {}

  dialog() {
    return this.page.getByTestId('path-picker');
  }

  /** Types a folder's path and opens it. */
  async open(folder: string): Promise<void> {
    const d = this.dialog();
    // It opens at the home folder (nothing chosen yet).
    await expect(d.getByRole('list')).toBeVisible();
    await d.getByLabel('Mape šajā datorā').fill(folder);
    await d.getByRole('button', { name: 'Atvērt', exact: true }).click();
    await expect(d.getByRole('list', { name: folder })).toBeVisible();
  }

  /** A folder (opens it) or a backup file (chooses it) of the folder shown. */
  entry(name: string) {
    return this.dialog().getByRole('button', { name, exact: true });
  }

  async chooseFolder(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Izvēlēties šo mapi' }).click();
    await expect(this.dialog()).toBeHidden();
  }
}
