import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';
import { ChangePasswordPage } from './auth';
import { AppLayout } from './layout';

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

  /** A cell of the screen's table, by its text. */
  cell(text: string, options: { exact?: boolean } = {}) {
    return this.page.getByRole('cell', { name: text, ...options });
  }

  /** The open form dialog, and its "Saglabāt". */
  dialog() {
    return formDialog(this.page);
  }

  async save(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Saglabāt' }).click();
  }

  /** A field of the open form dialog, by its label. */
  field(label: string) {
    return this.dialog().getByLabel(label);
  }

  /** The settings screen's attendance deadline ("Iestatījumi" in the menu). */
  async openSettings(): Promise<void> {
    await new AppLayout(this.page).openSettingsTab('Iestatījumi');
  }

  deadlineField() {
    return this.page.getByLabel('Apmeklējuma ievades termiņš (hh:mm)');
  }

  addGroupButton() {
    return this.page.getByTestId('add-group');
  }

  async assignTeacher(teacher: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Piesaistīt skolotāju' }).click();
    await this.field('Skolotājs').click();
    await this.choose(teacher);
    await this.save();
  }

  async startChild(): Promise<void> {
    // The list first settles (it reloads its page as the screen opens), then the form opens.
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
    await this.page.getByTestId('add-child').click();
    await expect(formDialog(this.page)).toBeVisible();
  }

  /** The open child's record, its (masked) code and its parents. */
  childDetail() {
    return this.page.getByTestId('child-detail');
  }

  /** A dialog by its title (the child's record is titled with the child's name). */
  dialogNamed(name: string) {
    return this.page.getByRole('dialog', { name });
  }

  childCode() {
    return this.page.getByTestId('child-code');
  }

  childGuardians() {
    return this.page.getByTestId('child-guardians');
  }

  async showCode(): Promise<void> {
    await this.page.getByRole('button', { name: 'Parādīt kodu' }).click();
  }

  /** From an open child's record: "Vecāks vai likumiskais pārstāvis", filled but not saved. */
  async fillGuardian(g: { firstName: string; lastName: string; phone: string }) {
    await this.page.getByTestId('add-guardian').click();
    const dialog = this.guardianDialog();
    await dialog.getByLabel('Vārds', { exact: true }).fill(g.firstName);
    await dialog.getByLabel('Uzvārds').fill(g.lastName);
    await dialog.getByLabel('Mobilais tālrunis').fill(g.phone);
    return dialog;
  }

  /** Over the child's record (a dialog too), so found by its title, not as the form dialog. */
  guardianDialog() {
    return this.page.getByRole('dialog', { name: 'Vecāks vai likumiskais pārstāvis' });
  }

  async retypeGuardianPhone(phone: string): Promise<void> {
    await this.guardianDialog().getByLabel('Mobilais tālrunis').fill(phone);
  }

  async saveGuardian(): Promise<void> {
    await this.guardianDialog().getByRole('button', { name: 'Saglabāt' }).click();
  }

  async searchChildren(query: string): Promise<void> {
    await this.page.getByTestId('child-search').fill(query);
  }

  async filterGroup(group: string): Promise<void> {
    await this.page.getByTestId('group-filter').click();
    await this.choose(group);
  }

  childCount() {
    return this.page.getByTestId('child-count');
  }

  /** A new application, filled but not saved; the child is found by a search. */
  async fillApplication(a: { parent: string; phone: string; search: string; child: RegExp }) {
    await this.page.getByTestId('add-application').click();
    const form = this.dialog();
    await form.getByLabel('Vecāka vārds, uzvārds').fill(a.parent);
    await form.getByLabel('Mobilā tālruņa Nr.').fill(a.phone);
    await this.suggest(form.getByLabel('Bērns'), a.search, a.child);
    return form;
  }

  /** An application's row, by the parent's name, and its status. */
  application(parent: string) {
    return this.page.getByRole('row', { name: new RegExp(parent) });
  }

  applicationStatus(parent: string) {
    return this.application(parent).getByTestId('application-status');
  }

  /** Connects an application's child to its parent with the given relation. */
  async connect(parent: string, relation: string): Promise<void> {
    await this.application(parent).getByRole('button', { name: 'Pieslēgt' }).click();
    await this.field('Radniecība').click();
    await this.choose(relation);
    await this.dialog().getByRole('button', { name: 'Pieslēgt' }).click();
  }

  /** The blank application form (PDF), as the browser downloads it. */
  async downloadBlankForm(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('blank-pdf').click(),
    ]);
    return download;
  }

  importHeading() {
    return this.page.getByRole('heading', { name: 'Bērnu un vecāku imports' });
  }

  /** "Izvēlēties failu…" opens the platform's Open dialog (the browser's here); the file goes in. */
  async chooseImportFile(name: string, csv: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId('import-file').click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  importSummary() {
    return this.page.getByTestId('import-summary');
  }

  async showImportErrorsOnly(): Promise<void> {
    await this.page.getByLabel('Rādīt tikai kļūdainās').check();
  }

  async confirmImport(): Promise<void> {
    await this.page.getByTestId('import-confirm').click();
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
  const change = new ChangePasswordPage(page);
  await expect(change.forced()).toBeVisible();
  await change.fill(temporary, next);
  await change.submit();
  await expect(new AppLayout(page).welcome()).toBeVisible();
}
