import { expect, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';
import { AppLayout } from './layout';

/** Mail, the outbox and the head's SMTP settings, driven by labels and buttons. */
export class MailPage {
  constructor(private readonly page: Page) {}

  /** "Pasts" in the menu. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Pasts', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Pasts', exact: true })).toBeVisible();
  }

  /** The unread count beside the user's name (a link to the mail). */
  badge() {
    return this.page.getByTestId('unread-badge');
  }

  /** The notice at login about unread mail. */
  notice() {
    return this.page.getByTestId('mail-notice');
  }

  /** Opens "Rakstīt vēstuli" and fills it; the recipients are picked from the list by name. */
  async compose(m: { to: string[]; subject: string; body: string }): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Rakstīt vēstuli' }).click();
    const dialog = formDialog(p);
    await expect(dialog).toBeVisible();
    await this.fill(m);
  }

  /** Fills the open compose dialog (a reply keeps its recipients when `to` is empty). */
  async fill(m: { to: string[]; subject?: string; body: string }): Promise<void> {
    const p = this.page;
    const dialog = formDialog(p);
    if (m.to.length) {
      const picker = dialog.getByRole('combobox', { name: 'Kam' });
      await picker.focus();
      await picker.press('ArrowDown');
      for (const name of m.to) await p.getByRole('option', { name }).click();
      await dialog.getByText('Rakstīt vēstuli', { exact: true }).click();
      await expect(p.getByRole('listbox')).toBeHidden();
    }
    if (m.subject !== undefined) await dialog.getByLabel('Temats').fill(m.subject);
    await dialog.getByLabel('Teksts').fill(m.body);
  }

  async send(): Promise<void> {
    await formDialog(this.page).getByRole('button', { name: 'Sūtīt' }).click();
    await expect(formDialog(this.page)).toBeHidden();
  }

  /** A message in the list, by its subject. */
  row(subject: string) {
    return this.page.getByTestId('message-list').getByRole('listitem').filter({ hasText: subject });
  }

  async read(subject: string): Promise<void> {
    await this.row(subject).getByRole('button').click();
    await expect(this.message().getByRole('heading', { name: subject })).toBeVisible();
  }

  /** The opened message. */
  message() {
    return this.page.getByTestId('message');
  }

  async reply(): Promise<void> {
    await this.message().getByRole('button', { name: 'Atbildēt', exact: true }).click();
    await expect(formDialog(this.page)).toBeVisible();
  }

  async tab(name: 'Saņemtās' | 'Nosūtītās'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** "Rakstīt vecākiem" for one child: the dialog then shows who will and who cannot receive it. */
  async composeToChildParents(child: string): Promise<void> {
    const p = this.page;
    await p.getByRole('button', { name: 'Rakstīt vecākiem' }).click();
    const dialog = formDialog(p);
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Viena bērna vecākiem').check();
    await dialog.getByRole('combobox', { name: 'Bērns' }).click();
    await p.getByRole('option', { name: new RegExp(`^${child}`) }).click();
  }

  parentsPreview() {
    return this.page.getByTestId('parents-preview');
  }

  async cancel(): Promise<void> {
    await formDialog(this.page).getByRole('button', { name: 'Atcelt' }).click();
    await expect(formDialog(this.page)).toBeHidden();
  }

  /* The outbox */

  async openOutbox(): Promise<void> {
    await this.page.getByRole('link', { name: 'Izejošie e-pasti', exact: true }).click();
    await expect(
      this.page.getByRole('heading', { name: 'Izejošie e-pasti vecākiem' }),
    ).toBeVisible();
  }

  outboxRow(text: string) {
    return this.page.getByTestId('outbox').getByRole('row').filter({ hasText: text });
  }

  /* The head's SMTP settings */

  async openSettings(): Promise<void> {
    await new AppLayout(this.page).openSettingsTab('E-pasta iestatījumi');
    await expect(
      this.page.getByRole('heading', { name: 'E-pasta servera iestatījumi' }),
    ).toBeVisible();
  }

  async fillSettings(s: {
    host: string;
    port: number;
    tls: string;
    username: string;
    password: string;
    fromAddress: string;
    fromName: string;
  }): Promise<void> {
    const p = this.page;
    const form = p.getByTestId('mail-settings');
    await form.getByLabel('Servera adrese').fill(s.host);
    const port = form.getByLabel('Ports');
    await port.fill('');
    await port.pressSequentially(String(s.port));
    await form.getByRole('combobox', { name: 'Šifrēšana' }).click();
    await p.getByRole('option', { name: s.tls }).click();
    await form.getByLabel('Lietotājvārds').fill(s.username);
    await form.getByLabel('Parole').fill(s.password);
    await form.getByLabel('Sūtītāja adrese').fill(s.fromAddress);
    await form.getByLabel('Sūtītāja vārds').fill(s.fromName);
  }

  async saveSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pārbaudīt un saglabāt' }).click();
  }

  settingsForm() {
    return this.page.getByTestId('mail-settings');
  }
}
