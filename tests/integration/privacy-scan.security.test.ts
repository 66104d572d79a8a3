import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { describe, expect, it } from 'vitest';

// Everything this process writes to a temporary folder lands in one of its own, scanned below
// (set before the backend loads: SQLite and Node read TMPDIR when they first need it).
const TMP = mkdtempSync(path.join(os.tmpdir(), 'register-scan-tmp-'));
process.env.TMPDIR = TMP;

import { formatPersonalCode } from '../../common/personal-code';
import { AppLog, captureConsole } from '../../electron/api/release/app-log';
import { Generator } from '../../tools/seed/generator';
import { PASSWORD } from '../../tools/seed/api';
import { seedRouter, TEST_SCRYPT, tempDir, testBackend } from './helpers';
import { TEST_ENGINE } from '../postgres/databases';

/** Every file under `root`, with its bytes. */
function files(root: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      out.push({ file, bytes: readFileSync(file) });
    } catch {
      // removed while we looked (a WAL checkpoint, a finished temporary file)
    }
  }
  return out;
}

describe('nothing personal outside the encrypted file', () => {
  it('leaves no name, code or contact in any log line or any file of the data and temp folders', async () => {
    const dataDir = tempDir('register-scan-data-');
    const outDir = tempDir('register-scan-out-');
    // What the program prints (as a terminal would get it), and its log file in the data folder.
    const printed: string[] = [];
    captureConsole(AppLog.start(dataDir, 'scan test'));
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const next = console[level].bind(console);
      console[level] = (...args: unknown[]) => {
        printed.push(format(...args));
        if (level !== 'debug') next(...args);
      };
    }

    // The main flows: a demo month (accounts, groups, children, attendance with the nurse's
    // corrections, plans, marks, journals, checks), then parents, failed logins, the exports,
    // a backup and its restore.
    const accounts = await new Generator({
      dataDir,
      today: '2026-11-30',
      years: 1,
      groupsPerYear: 2,
      childrenPerGroup: 5,
      attendance: 'lastMonth',
      scrypt: TEST_SCRYPT,
      router: seedRouter(dataDir),
    }).run();
    const b = testBackend({ dataDir, start: '2026-11-30T12:00:00Z' });
    const login = (role: string) =>
      b.ok('auth.login', {
        username: accounts.find((a) => a.role === role)!.username,
        password: PASSWORD,
      });
    await login('deputy');
    const children = (await b.ok('children.list', {})).rows;
    for (const [i, child] of children.slice(0, 3).entries()) {
      await b.ok('guardians.create', {
        firstName: 'Vecāks',
        lastName: `${child.lastName}`,
        phone: `2612345${i}`,
        email: `vecaks${i}.${child.id}@example.lv`,
        consents: ['register'],
        childId: child.id,
        relation: 'mother',
      });
    }
    await b.ok('auth.logout', {});
    const typed = [
      'mana.slepena-parole2026',
      `${children[0].firstName}.${children[0].lastName}`
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase(),
    ];
    for (const username of typed) {
      for (let i = 0; i < 6; i++) await b.fail('auth.login', { username, password: 'nepareiza' });
    }
    b.clock.advance(3600);
    await login('head');
    await b.ok('audit.list', { from: '2026-11-01', to: '2026-11-30' });
    await b.ok('audit.export', { from: '2026-11-01', to: '2026-11-30' });
    await b.ok('privacy.childExport', { childId: children[0].id });
    // A server keeps no register file and makes no backup of its own yet (issue 18): there the
    // scan is of what the server prints, its log and its temporary files.
    if (TEST_ENGINE === 'sqlite') {
      const backup = await b.ok('backup.export', {
        folder: outDir,
        passphrase: 'Rezerves-kopija-2026!',
        passphraseRepeat: 'Rezerves-kopija-2026!',
      });
      await b.ok('backup.restore', { file: backup.file, passphrase: 'Rezerves-kopija-2026!' });
      await login('head');
    }

    // What the register holds about people: children, parents, staff, and what was typed.
    const db = b.router.state.db;
    const needles = new Set<string>(typed);
    for (const c of await db.query<{ f: string; l: string; code: string }[]>(
      'SELECT first_name AS f, last_name AS l, personal_code AS code FROM child',
    )) {
      needles
        .add(`${c.f} ${c.l}`)
        .add(`${c.l} ${c.f}`)
        .add(c.l)
        .add(c.code)
        .add(formatPersonalCode(c.code));
    }
    // The seed's own guardians may leave the phone or the e-mail out.
    for (const g of await db.query<{ p: string | null; e: string | null }[]>(
      'SELECT phone AS p, email AS e FROM guardian',
    )) {
      for (const contact of [g.p, g.e]) if (contact) needles.add(contact);
    }
    for (const u of await db.query<{ n: string }[]>('SELECT full_name AS n FROM "user"')) {
      needles.add(u.n);
    }
    expect(needles.size).toBeGreaterThan(40);

    const leaks: string[] = [];
    // The data and output folders are inside TMP: each file is read once.
    for (const { file, bytes } of files(TMP)) {
      for (const needle of needles) {
        if (
          bytes.includes(Buffer.from(needle, 'utf8')) ||
          bytes.includes(Buffer.from(needle, 'utf16le'))
        ) {
          leaks.push(`${path.relative(TMP, file)}: ${needle}`);
        }
      }
    }
    for (const line of printed) {
      for (const needle of needles) {
        if (line.includes(needle)) leaks.push(`log line "${line}": ${needle}`);
      }
    }
    expect(leaks).toEqual([]);
    // The scan saw the files it had to: the database, its WAL, the slots, the log, a safety copy
    // (on a server: the log).
    const seen = files(dataDir).map((f) => path.relative(dataDir, f.file));
    expect(seen).toContain(path.join('logs', 'register.log'));
    if (TEST_ENGINE === 'postgres') return;
    expect(seen).toEqual(
      expect.arrayContaining(['register.db', 'keyslots.json', path.join('logs', 'register.log')]),
    );
    expect(seen.some((f) => f.startsWith('safety-copies'))).toBe(true);
  }, 180_000);
});
