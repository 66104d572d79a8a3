import { expect, snapshot, test } from './fixtures';
import { LoginPage } from './page-models/auth';
import { JournalsPage, STAFF_PASSWORD, seedJournals } from './page-models/journals';
import { AppLayout } from './page-models/layout';

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
  ['Mārtiņš', 'Kalniņš', '2022-06-11'],
];

// Thursday 10 December 2026, 10:00 in Riga.
test.use({ now: '2026-12-10T08:00:00Z' });
test.setTimeout(180_000); // one story with three logins at full key-derivation cost

test('a teacher and the speech therapist keep the individual work journal; the head reads it', async ({
  page,
  app,
}) => {
  await seedJournals(app, CHILDREN);
  await page.goto(app.url);
  const login = new LoginPage(page);
  const journals = new JournalsPage(page);
  const layout = new AppLayout(page);

  // The teacher: today's note for Elza's parents, and yesterday's session entered late.
  await login.login('anna', STAFF_PASSWORD);
  await journals.open();
  await expect(page.getByText('Šajā mēnesī ierakstu nav.')).toBeVisible();
  await journals.fillEntry({
    child: 'Elza Ozoliņa',
    kind: 'Individuālais darbs',
    content: 'Skaņas “R” vingrinājumi ar spoguli; mājās atkārtot katru dienu.',
    minutes: 20,
    sendToParents: true,
  });
  const dialog = journals.dialog();
  await expect(journals.dateField()).toHaveValue('10.12.2026');
  await expect(dialog.getByText('Ieraksts tiks nosūtīts pa e-pastu')).toBeVisible();
  await snapshot(page, 'journals-entry-dialog');
  await journals.save();
  await journals.addEntry({
    children: ['Jānis Bērziņš', 'Mārtiņš Kalniņš'],
    kind: 'Rotaļnodarbība',
    content: 'Rotaļa “Atrodi pāri” ar krāsu kartītēm.',
    date: '09.12.2026',
  });
  const note = journals.entry('Skaņas “R”');
  await expect(note).toContainText('10.12.2026');
  await expect(note).toContainText('Elza Ozoliņa');
  await expect(note).toContainText('20 min');
  await expect(note).toContainText('Anna Kalniņa');
  await expect(note).toContainText('Gaida nosūtīšanu');
  const late = journals.entry('Atrodi pāri');
  await expect(late).toContainText('Jānis Bērziņš, Mārtiņš Kalniņš');
  await expect(late).toContainText('Ievadīts vēlāk');
  await expect(late).not.toContainText('Gaida nosūtīšanu');
  await snapshot(page, 'journals-entries');

  // Nothing saved without content: the message stands next to the field. The calendar does not
  // take a future date (the backend refuses one too: see the integration test).
  await journals.fillEntry({ child: 'Elza Ozoliņa', kind: 'Individuālā nodarbība', content: '' });
  await journals.trySave();
  await expect(journals.dialogAlert()).toHaveText('Obligāti aizpildāms lauks.');
  await journals.cancel();
  await expect(dialog).toBeHidden();
  await expect(journals.entryRows()).toHaveCount(3);

  await journals.waitingTab().click();
  await expect(journals.waitingTab()).toHaveText('Gaida nosūtīšanu (1)');
  await expect(journals.waiting().getByRole('row')).toHaveCount(2); // header + 1
  await expect(journals.waiting()).toContainText('Skaņas “R”');
  await snapshot(page, 'journals-waiting');

  // A talk with Elza's mother.
  await journals.openTalks();
  await journals.fillTalk({
    child: 'Elza Ozoliņa',
    guardians: ['Inese Ozoliņa'],
    subject: 'Uzvedība',
    content: 'Runājām par to, kā Elza dalās ar rotaļlietām.',
    agreed: 'Mājās un grupā slavējam, kad dalās.',
  });
  await expect(journals.guardianField('Pēteris Ozoliņa')).not.toBeChecked();
  await snapshot(page, 'journals-talk-dialog');
  await journals.save();
  const talk = journals.talk('dalās');
  await expect(talk).toContainText('Inese Ozoliņa');
  await expect(talk).toContainText('Uzvedība');
  await expect(talk).toContainText('Mājās un grupā slavējam');
  await snapshot(page, 'journals-talks');
  await layout.logout();

  // The speech therapist: no talks, no "Nosūtīt vecākiem", her own entries only.
  await login.login('sarma', STAFF_PASSWORD);
  await expect(layout.link('Sarunas ar vecākiem')).toHaveCount(0);
  await journals.open();
  await expect(journals.waitingTab()).toHaveCount(0);
  await journals.startEntry();
  await expect(journals.sendToParentsField()).toHaveCount(0);
  await journals.cancel();
  await journals.addEntry({
    child: 'Jānis Bērziņš',
    kind: 'Individuālā nodarbība',
    content: 'Artikulācijas vingrinājumi, skaņa “Š”.',
    minutes: 30,
  });
  await expect(journals.entryRows()).toHaveCount(2);
  await layout.logout();

  // The head reads everything and writes nothing.
  await login.login('ilze', 'vadītājas-parole-1');
  await journals.open();
  await expect(journals.addEntryButton()).toHaveCount(0);
  await expect(journals.entryRows()).toHaveCount(4);
  await expect(journals.entry('skaņa “Š”')).toContainText('Sarma Krūmiņa');
  await expect(journals.editButtons()).toHaveCount(0);
  await snapshot(page, 'journals-head');
  await journals.openTalks();
  await expect(journals.talk('dalās')).toContainText('Anna Kalniņa');
});
