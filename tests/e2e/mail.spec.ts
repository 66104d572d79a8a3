import { SMTP_PASSWORD, SMTP_USER, SmtpPeer } from '../integration/smtp-peer';
import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { JournalsPage, STAFF_PASSWORD, seedJournals } from './page-models/journals';
import { AppLayout } from './page-models/layout';
import { MailPage } from './page-models/mail';

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
];

// Thursday 10 December 2026, 10:00 in Riga.
test.use({ now: '2026-12-10T08:00:00Z', viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000); // one story with four logins at full key-derivation cost

test('staff write and answer each other; a note to parents goes out and shows as sent', async ({
  page,
  app,
}) => {
  // A real SMTP server on 127.0.0.1, in this process: browser mode's backend sends to it.
  const peer = await new SmtpPeer().start();
  try {
    await seedJournals(app, CHILDREN);
    await page.goto(app.url);
    const login = new LoginPage(page);
    const layout = new AppLayout(page);
    const mail = new MailPage(page);
    const journals = new JournalsPage(page);

    // The head sets up the kindergarten's mail server; a wrong password is refused first.
    await login.login('ilze', 'vadītājas-parole-1');
    await mail.openSettings();
    const settings = {
      host: '127.0.0.1',
      port: peer.port,
      tls: 'Bez šifrēšanas (tikai iekšējam serverim)',
      username: SMTP_USER,
      password: 'nepareiza',
      fromAddress: 'pasts@zilite.example.lv',
      fromName: 'PII «Zīlīte»',
    };
    await mail.fillSettings(settings);
    await mail.saveSettings();
    await expect(mail.settingsForm().getByRole('alert')).toHaveText(
      `Serveris 127.0.0.1:${peer.port} nepieņēma lietotājvārdu vai paroli.`,
    );
    await mail.settingsForm().getByLabel('Parole').fill(SMTP_PASSWORD);
    await mail.saveSettings();
    await expect(layout.toasts().filter({ hasText: 'iestatījumi saglabāti' })).toBeVisible();
    await expect(mail.settingsForm().getByText('Parole ir saglabāta')).toBeVisible();
    await layout.toasts().getByRole('button').click();
    await expect(layout.toasts()).toHaveCount(0);
    await snapshot(page, 'mail-settings');
    await layout.logout();

    // The teacher writes to the deputy.
    await login.login('anna', STAFF_PASSWORD);
    await mail.open();
    await mail.compose({
      to: ['Dace Vītola (Vadītāja vietnieks)'],
      subject: 'Ekskursija uz Rīgas zoodārzu',
      body: 'Lūdzu apstiprināt ekskursiju 18. decembrī. Autobuss — 9:30.',
    });
    await snapshot(page, 'mail-compose');
    await mail.send();
    await mail.tab('Nosūtītās');
    await expect(mail.row('Ekskursija uz Rīgas zoodārzu')).toContainText('Dace Vītola');

    // Before writing to a child's parents she sees who will receive it and who cannot.
    await mail.composeToChildParents('Elza Ozoliņa');
    await expect(mail.parentsPreview()).toContainText('Saņems (1)');
    await expect(mail.parentsPreview()).toContainText('Inese Ozoliņa <inese.ozolina@example.lv>');
    await expect(mail.parentsPreview()).toContainText('Pēteris Ozoliņa — nav e-pasta adreses');
    await snapshot(page, 'mail-parents');
    await mail.cancel();

    // …and sends Elza's parents today's note.
    await journals.open();
    await journals.fillEntry({
      child: 'Elza Ozoliņa',
      kind: 'Individuālais darbs',
      content: 'Skaņas “R” vingrinājumi ar spoguli; mājās atkārtot katru dienu.',
      minutes: 20,
      sendToParents: true,
    });
    await journals.save();
    await expect.poll(() => peer.received.length).toBe(1);
    expect(peer.received[0].mail.subject).toBe('Individuālais darbs: Elza Ozoliņa, 10.12.2026');
    expect(peer.received[0].envelope.to).toEqual(['inese.ozolina@example.lv']);
    await layout.open('Pasts', { exact: true });
    await journals.open();
    await expect(journals.entry('Skaņas “R”')).toContainText(/nosūtīts 10\.12\.2026 10:\d\d/);
    // The picture shows the settled list: no loading mask, no toast over the header.
    await expect(page.locator('.p-datatable-mask')).toHaveCount(0);
    for (const close of await page.locator('.p-toast-close-button').all()) await close.click();
    await expect(page.locator('.p-toast-message')).toHaveCount(0);
    await snapshot(page, 'mail-journal-sent');
    await mail.openOutbox();
    await expect(mail.outboxRow('Inese Ozoliņa')).toContainText('Nosūtīts');
    await snapshot(page, 'mail-outbox');
    await layout.logout();

    // The deputy sees the unread badge and the notice, reads and replies.
    await login.login('dace', STAFF_PASSWORD);
    await expect(mail.badge()).toHaveText('1');
    await expect(mail.notice()).toContainText('Jums ir nelasītas vēstules: 1.');
    await mail.badge().click();
    await expect(mail.row('Ekskursija uz Rīgas zoodārzu')).toContainText('Nelasīta');
    // She reads and replies with the keyboard alone: Enter on the message, on "Atbildēt", typing,
    // Tab to "Sūtīt".
    await mail.row('Ekskursija uz Rīgas zoodārzu').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(mail.message()).toContainText('Autobuss — 9:30.');
    await expect(mail.badge()).not.toContainText('1');
    await snapshot(page, 'mail-inbox');
    await mail.message().getByRole('button', { name: 'Atbildēt', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Teksts')).toBeVisible();
    await page.getByLabel('Teksts').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Apstiprinu. Paldies!');
    await page.keyboard.press('Tab'); // past the counter to "Atcelt"
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sūtīt' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(layout.toasts().filter({ hasText: 'Vēstule nosūtīta.' })).toBeVisible();
    await layout.logout();

    await login.login('anna', STAFF_PASSWORD);
    await expect(mail.badge()).toHaveText('1');
    await mail.open();
    await mail.read('Re: Ekskursija uz Rīgas zoodārzu');
    await expect(mail.message()).toContainText('Apstiprinu. Paldies!');
    await expect(layout.toasts().filter({ hasText: 'kļūda' })).toHaveCount(0);
  } finally {
    await peer.stop();
  }
});
