import { expect, type Page } from '@playwright/test';
import { formDialog, type RunningApp } from '../fixtures';
import { STAFF_PASSWORD, seedGroup } from './planning';

export { STAFF_PASSWORD };

/**
 * «Zīlītes» with teacher anna and the children given (see planning's seedGroup), speech therapist
 * sarma, and two parents of the first child: the mother agreed to e-mail. Leaves nobody logged in.
 */
export async function seedJournals(app: RunningApp, children: [string, string, string][]) {
  const { groupId } = await seedGroup(app, children);
  await app.api('auth.login', { username: 'ilze', password: 'vadītājas-parole-1' });
  await app.api('users.create', {
    username: 'sarma',
    fullName: 'Sarma Krūmiņa',
    role: 'speech',
    temporaryPassword: 'pagaidu-parole-1',
  });
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'sarma', password: 'pagaidu-parole-1' });
  await app.api('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: STAFF_PASSWORD,
    newPasswordRepeat: STAFF_PASSWORD,
  });
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'dace', password: STAFF_PASSWORD });
  const [first] = children;
  const [child] = (await app.api('children.list', { search: first[1] })).rows;
  for (const [firstName, relation, email] of [
    ['Inese', 'mother', 'inese.ozolina@example.lv'],
    ['Pēteris', 'father', ''],
  ] as const) {
    await app.api('guardians.create', {
      firstName,
      lastName: first[1],
      phone: '',
      email,
      agreesEmail: email !== '',
      consents: [],
      childId: child.id,
      relation,
    });
  }
  await app.api('auth.logout');
  return { groupId, childId: child.id };
}

/** The individual work journal and talks with parents, driven by labels and buttons. */
export class JournalsPage {
  constructor(private readonly page: Page) {}

  /** "Individuālais darbs" in the menu. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Individuālais darbs', exact: true }).click();
    await expect(
      this.page.getByRole('heading', { name: 'Individuālā darba žurnāls' }),
    ).toBeVisible();
  }

  async openTalks(): Promise<void> {
    await this.page.getByRole('link', { name: 'Sarunas ar vecākiem', exact: true }).click();
    await expect(
      this.page.getByRole('heading', { name: 'Individuālās sarunas ar vecākiem' }),
    ).toBeVisible();
  }

  /** Types a date (dd.mm.yyyy) into a DatePicker and closes its calendar. */
  private async date(value: string): Promise<void> {
    const input = formDialog(this.page).getByLabel('Datums', { exact: true });
    await input.fill(value);
    await input.press('Escape');
    await expect(input).toHaveValue(value);
  }

  /** Opens "Pievienot ierakstu" and fills it; `save: false` leaves the dialog open. */
  async fillEntry(e: {
    children?: string[];
    child?: string;
    kind: 'Rotaļnodarbība' | 'Individuālais darbs' | 'Individuālā nodarbība';
    content: string;
    date?: string;
    minutes?: number;
    sendToParents?: boolean;
  }): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Pievienot ierakstu' }).click();
    const dialog = p.getByRole('dialog', { name: 'Pievienot ierakstu' });
    await expect(dialog).toBeVisible();
    if (e.date) await this.date(e.date);
    const children = e.children ?? (e.child ? [e.child] : []);
    // The MultiSelect opens from the keyboard, as a person tabbing through the form would.
    const picker = dialog.getByRole('combobox', { name: 'Bērni' });
    await picker.focus();
    await picker.press('ArrowDown');
    for (const name of children) {
      await p.getByRole('option', { name: new RegExp(`^${name} \\(`) }).click();
    }
    // A click beside the list closes it (Escape would close the whole dialog too).
    await dialog.getByText('Pievienot ierakstu', { exact: true }).click();
    await expect(p.getByRole('listbox')).toBeHidden();
    await dialog.getByRole('combobox', { name: 'Veids' }).click();
    await p.getByRole('option', { name: e.kind, exact: true }).click();
    await dialog.getByLabel('Saturs').fill(e.content);
    if (e.minutes !== undefined) {
      // InputNumber reads keystrokes, not a pasted value.
      await dialog.getByLabel('Ilgums (minūtes)').pressSequentially(String(e.minutes));
    }
    if (e.sendToParents) await dialog.getByLabel('Nosūtīt vecākiem').check();
  }

  async save(): Promise<void> {
    await this.trySave();
    await expect(this.dialog()).toBeHidden();
  }

  /** "Saglabāt" in the open dialog, which may stay open with a message. */
  async trySave(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Saglabāt' }).click();
  }

  async cancel(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Atcelt' }).click();
  }

  /** The open entry or talk dialog. */
  dialog() {
    return formDialog(this.page);
  }

  /** Fields of the open dialog, by label. */
  dateField() {
    return this.dialog().getByLabel('Datums', { exact: true });
  }

  sendToParentsField() {
    return this.dialog().getByLabel('Nosūtīt vecākiem');
  }

  /** A guardian's tick box in the talk dialog, by the start of its label. */
  guardianField(name: string) {
    return this.dialog().getByLabel(new RegExp(`^${name}`));
  }

  /** The field message of the open dialog. */
  dialogAlert() {
    return this.dialog().getByRole('alert');
  }

  addEntryButton() {
    return this.page.getByRole('button', { name: 'Pievienot ierakstu' });
  }

  async startEntry(): Promise<void> {
    await this.addEntryButton().click();
  }

  /** Rows of the entries table (the header row included). */
  entryRows() {
    return this.page.getByTestId('entries').getByRole('row');
  }

  /** "Labot" buttons of the listed entries. */
  editButtons() {
    return this.page.getByTestId('entries').getByRole('button', { name: /Labot/ });
  }

  /** A listed talk with parents, by a piece of its text. */
  talk(text: string) {
    return this.page.getByTestId('talks').getByRole('row').filter({ hasText: text });
  }

  /** The "Gaida nosūtīšanu" tab (entries waiting to be sent to the parents) and its list. */
  waitingTab() {
    return this.page.getByTestId('tab-waiting');
  }

  waiting() {
    return this.page.getByTestId('waiting');
  }

  /** A listed individual work entry, by a piece of its text. */
  entry(text: string) {
    return this.page.getByTestId('entries').getByRole('row').filter({ hasText: text });
  }

  /** Writes one individual work entry through the dialog and waits until it is listed. */
  async addEntry(e: Parameters<JournalsPage['fillEntry']>[0]): Promise<void> {
    await this.fillEntry(e);
    await this.save();
    await expect(this.entry(e.content)).toBeVisible();
  }

  /** Opens "Pievienot sarunu" and fills it. */
  async fillTalk(t: {
    child: string;
    guardians: string[];
    subject: 'Sasniedzamie rezultāti' | 'Iekšējie normatīvie dokumenti' | 'Uzvedība' | 'Cits';
    content: string;
    agreed?: string;
    date?: string;
  }): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Pievienot sarunu' }).click();
    const dialog = p.getByRole('dialog', { name: 'Pievienot sarunu' });
    await expect(dialog).toBeVisible();
    if (t.date) await this.date(t.date);
    await dialog.getByRole('combobox', { name: 'Bērns' }).click();
    await p.getByRole('option', { name: new RegExp(`^${t.child} \\(`) }).click();
    for (const name of t.guardians) await dialog.getByLabel(new RegExp(`^${name} \\(`)).check();
    await dialog.getByRole('combobox', { name: 'Temats' }).click();
    await p.getByRole('option', { name: t.subject, exact: true }).click();
    await dialog.getByLabel('Saturs').fill(t.content);
    if (t.agreed) await dialog.getByLabel('Vienošanās').fill(t.agreed);
  }
}
