import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors';
import { message } from '../../common/messages';
import { postgresDataSource, type PostgresOptions } from '../../database/postgres';
import { exportServerBackup, restoreOnServer } from '../api/backup/server-backup';
import { ConfigError } from './config';
import { refuseMightyRole } from './role-check';

/**
 * `npm run server -- --config F --restore FILE` and `--backup FOLDER`: the move of a register
 * onto the server (any backup file of a PC or of a server) and the server's own encrypted
 * backup (payload version 2). They run instead of serving and exit; the passphrase comes from
 * the environment (REGISTER_BACKUP_PASSPHRASE) or a file (--passphrase-file), never the command
 * line, where other users of the machine could read it.
 */

export function backupPassphrase(file: string | undefined): string {
  const text = file
    ? readFileSync(file, 'utf8').split(/\r?\n/)[0]
    : process.env.REGISTER_BACKUP_PASSPHRASE;
  if (!text) {
    throw new ConfigError(
      'Norādiet rezerves kopijas paroli: vide REGISTER_BACKUP_PASSPHRASE vai --passphrase-file FAILS. / ' +
        'Give the backup passphrase in REGISTER_BACKUP_PASSPHRASE or --passphrase-file FILE.',
    );
  }
  return text;
}

/** An AppError as the Latvian (and English) sentence the head would see in the app. */
function explain(err: unknown): never {
  if (err instanceof AppError) {
    const key = Object.values(err.fields ?? {})[0] ?? err.key;
    throw new ConfigError(`${message('lv', key, err.params)} / ${message('en', key, err.params)}`);
  }
  throw err;
}

/** The server's database for one command: refused at once when its role could do too much. */
async function withDatabase(
  options: PostgresOptions,
  work: (db: DataSource) => Promise<void>,
): Promise<void> {
  const db = postgresDataSource(options);
  await db.initialize();
  try {
    await refuseMightyRole(db);
    await work(db);
  } finally {
    await db.destroy();
  }
}

export function runRestore(options: PostgresOptions, file: string, passphrase: string) {
  return withDatabase(options, async (db) => {
    const started = Date.now();
    const result = await restoreOnServer(db, file, passphrase, new Date()).catch(explain);
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      `Atjaunots: rezerves kopija no ${result.backupCreatedAt}, ${rows} rindas ` +
        `${Object.keys(result.rows).length} tabulās, ${result.accounts} konti ar vecajām ` +
        `parolēm, ${((Date.now() - started) / 1000).toFixed(1)} s. / Restored.`,
    );
  });
}

export function runBackup(options: PostgresOptions, folder: string, passphrase: string) {
  return withDatabase(options, async (db) => {
    const result = await exportServerBackup(db, { folder, passphrase, now: new Date() }).catch(
      explain,
    );
    console.log(`Rezerves kopija: ${result.file} (${result.bytes} baiti). / Backup written.`);
  });
}
