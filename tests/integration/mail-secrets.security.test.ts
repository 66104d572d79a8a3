import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppLog, captureConsole } from '../../electron/api/release/app-log';
import { SETUP, testBackend } from './helpers';
import { SMTP_PASSWORD, SMTP_USER, smtpPeer, stopPeers } from './smtp-peer';

afterEach(stopPeers);

/** Every file under the data folder: the database, its WAL, the key slots, the logs. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** The password as it could leak: plain, UTF-16, base64, and inside AUTH PLAIN / LOGIN. */
const FORMS = [
  Buffer.from(SMTP_PASSWORD, 'utf8'),
  Buffer.from(SMTP_PASSWORD, 'utf16le'),
  Buffer.from(Buffer.from(SMTP_PASSWORD).toString('base64')),
  Buffer.from(Buffer.from(`\0${SMTP_USER}\0${SMTP_PASSWORD}`).toString('base64')),
];

function leaks(dir: string): string[] {
  return files(dir).filter((file) => {
    const bytes = readFileSync(file);
    return FORMS.some((form) => bytes.includes(form));
  });
}

describe('the SMTP password', () => {
  it('is found in no file of the data folder, no log line and no answer', async () => {
    const peer = await smtpPeer();
    const b = testBackend();
    // As browser mode and the desktop do: the console goes into the data folder's log.
    const log = AppLog.start(b.dataDir, 'mail secrets test');
    captureConsole(log);
    await b.ok('auth.setup', SETUP);
    const answers: unknown[] = [];
    answers.push(await b.fail('mail.saveSettings', peer.settings(`${SMTP_PASSWORD}-x`)));
    answers.push(await b.ok('mail.saveSettings', peer.settings()));
    answers.push(await b.ok('mail.testMessage', { to: 'ilze@zilite.example.lv' }));
    await b.router.outbox.settle();
    // The server stops taking the password: the refusal is recorded, the password is not.
    peer.rejectAuth = true;
    answers.push(await b.ok('mail.testMessage', { to: 'ilze@zilite.example.lv' }));
    await b.router.outbox.settle();
    const page = await b.ok('mail.outbox', { page: 1 });
    expect(page.rows.map((r) => r.status)).toEqual(['failed', 'sent']);
    expect(page.rows[0].lastError).toContain('535');
    answers.push(page, await b.ok('mail.settings', {}));
    // The settings are saved again keeping the stored password (left empty in the form).
    peer.rejectAuth = false;
    answers.push(await b.ok('mail.saveSettings', { ...peer.settings(), password: '' }));
    const audit = await b.router.state.db.query<{ before: string; after: string }[]>(
      "SELECT before, after FROM audit_event WHERE action LIKE 'mail.%'",
    );
    expect(audit.length).toBeGreaterThan(0);
    for (const text of [JSON.stringify(answers), JSON.stringify(audit)]) {
      expect(text).not.toContain(SMTP_PASSWORD);
    }

    // While open: the database file and its WAL (written, not yet checkpointed), the log.
    const names = files(b.dataDir).map((f) => path.basename(f));
    expect(names).toEqual(
      expect.arrayContaining(['register.db', 'register.db-wal', 'register.log']),
    );
    expect(leaks(b.dataDir)).toEqual([]);
    await b.ok('auth.logout', {});
    expect(leaks(b.dataDir)).toEqual([]);

    // The scan itself finds what is there: a line logged in clear is caught.
    console.log(`test line ${SMTP_PASSWORD}`);
    expect(leaks(b.dataDir).map((f) => path.basename(f))).toEqual(['register.log']);
  });
});
