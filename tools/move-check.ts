import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { compareRegisters, describeDifference } from '../database/logical/compare';
import type { Value } from '../database/logical/rows';
import { postgresDataSource } from '../database/postgres';
import { exportBackup } from '../electron/api/backup/export';
import { exportServerBackup, restoreOnServer } from '../electron/api/backup/server-backup';
import { Router } from '../electron/api/router';
import { ServerRouter, serverRegister } from '../electron/api/server-router';

/**
 * `npm run move-check -- <dataDir> [--back]`: issue 18's "the move", shown on a register's data
 * folder (a COPY: logging in migrates it). Exports it as a logical backup, restores that on a
 * throwaway PostgreSQL cluster (scripts/test-postgres.sh), compares every table, logs in as a
 * teacher on the server; with --back, also writes the server's backup and restores it on a new
 * PC folder, compares again and logs in there. Prints timings and row counts. Passwords: every
 * account's is REGISTER_PASSWORD (default: the seed's 'demo-parole-2026').
 */

const PASSWORD = process.env.REGISTER_PASSWORD ?? 'demo-parole-2026';
const PASSPHRASE = 'pārcelšanās-pārbaude-2026';
const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'test-postgres.sh');

const started = Date.now();
const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
const log = (line: string) => console.log(`[${stamp()}] ${line}`);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const result = await work();
  log(`${label}: ${((Date.now() - t) / 1000).toFixed(2)} s`);
  return result;
}

const restoreRows = (table: string, row: Record<string, Value>) =>
  table === 'audit_event' && row.action === 'backup.file.restore';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const back = process.argv.includes('--back');
  if (!dataDir) throw new Error('usage: npm run move-check -- <dataDir> [--back]');
  const work = mkdtempSync(path.join(os.tmpdir(), 'move-check-'));
  // Its own folder under the temp folder: the cluster runs as `postgres`, which must reach it.
  const cluster = mkdtempSync(path.join(os.tmpdir(), 'move-check-pg-'));
  const pc = new Router({ dataDir });
  let server: ServerRouter | undefined;
  let db: ReturnType<typeof postgresDataSource> | undefined;
  try {
    const login = await timed('PC: the head logs in (opens, migrates if older)', () =>
      pc.call('auth.login', { username: 'vaditaja', password: PASSWORD }),
    );
    if (!login.ok) throw new Error(`PC login: ${JSON.stringify(login.error)}`);
    const exported = await timed('PC: logical backup written and verified', () =>
      exportBackup(pc.state, { folder: work, passphrase: PASSPHRASE, format: 'logical' }),
    );
    log(`backup file: ${(exported.bytes / 1e6).toFixed(1)} MB (compressed and encrypted)`);

    const adminUrl = await timed('PostgreSQL: throwaway cluster started', async () =>
      execFileSync(SCRIPT, ['start', cluster], { encoding: 'utf8' }).trim(),
    );
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    const password = randomBytes(18).toString('hex');
    await admin.query(
      `CREATE ROLE move_check LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
    );
    await admin.query(
      "CREATE DATABASE move_check OWNER move_check TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
    );
    await admin.end();
    const url = new URL(adminUrl);
    db = postgresDataSource({
      host: url.hostname,
      port: Number(url.port),
      database: 'move_check',
      username: 'move_check',
      password,
      poolSize: 4,
    });
    await db.initialize();
    const target = db;
    const restored = await timed('server: restored (one transaction, then migrated)', () =>
      restoreOnServer(target, exported.file, PASSPHRASE, new Date()),
    );
    const compared = await timed('compare PC ↔ server, every table', () =>
      compareRegisters(pc.state.db, target, { skipRow: restoreRows }),
    );
    log(`dumps: ${describeDifference(compared.difference)}`);
    const counts = Object.entries(compared.rows).sort((a, b) => b[1] - a[1]);
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    log(
      `rows compared: ${total} in ${counts.length} tables; restored ${restored.accounts} key slots`,
    );
    for (const [table, n] of counts.filter(([, n]) => n > 0)) {
      console.log(`    ${table.padEnd(28)} ${String(n).padStart(9)}`);
    }
    server = new ServerRouter(
      serverRegister({ db: target, dataDir: path.join(work, 'server'), maxIdleMinutes: 60 }),
    );
    const running = server;
    const teacher = await timed('server: skolotaja1 logs in with her old password', () =>
      running.call({ address: '127.0.0.1' }, 'auth.login', {
        username: 'skolotaja1',
        password: PASSWORD,
      }),
    );
    log(`server login: ${teacher.result.ok ? 'ok' : JSON.stringify(teacher.result)}`);
    if (compared.difference || !teacher.result.ok) process.exitCode = 1;

    if (back) {
      const written = await timed('server: its own backup (logical) written', () =>
        exportServerBackup(target, { folder: work, passphrase: PASSPHRASE, now: new Date() }),
      );
      const homeDir = path.join(work, 'pc-again');
      mkdirSync(homeDir, { mode: 0o700 });
      const home = new Router({ dataDir: homeDir });
      try {
        const answer = await timed('new PC: restored from the server backup', () =>
          home.call('backup.restoreSetup', { file: written.file, passphrase: PASSPHRASE }),
        );
        if (!answer.ok) throw new Error(JSON.stringify(answer.error));
        const again = await timed('new PC: skolotaja1 logs in', () =>
          home.call('auth.login', { username: 'skolotaja1', password: PASSWORD }),
        );
        log(`new PC login: ${again.ok ? 'ok' : JSON.stringify(again.error)}`);
        const lastAudit = async () =>
          Number(
            (await target.query<{ n: number }[]>('SELECT MAX(id) AS n FROM audit_event'))[0].n,
          );
        const last = await lastAudit();
        const backAgain = await timed('compare server ↔ new PC, every table', () =>
          compareRegisters(target, home.state.db, {
            skipRow: (t, r) => restoreRows(t, r) || (t === 'audit_event' && Number(r.id) > last),
          }),
        );
        log(`dumps: ${describeDifference(backAgain.difference)}`);
        if (backAgain.difference || !again.ok) process.exitCode = 1;
      } finally {
        await home.dispose();
      }
    }
  } finally {
    await server?.dispose();
    if (db?.isInitialized) await db.destroy();
    await pc.dispose();
    try {
      execFileSync(SCRIPT, ['stop', cluster]);
    } catch {
      // never started
    }
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
