import { X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openPostgres } from '../../database/postgres';
import { TestClock } from '../api/clock';
import { ServerRouter, serverRegister } from '../api/server-router';
import { backupPassphrase, runBackup, runRestore } from './backup-cli';
import { ConfigError, loadConfig } from './config';
import { createRegisterServer } from './https-server';
import { refuseMightyRole } from './role-check';

/**
 * `npm run server -- --config FILE`: server mode. Reads the config, refuses a database role with
 * too many rights, migrates the database, then serves the API over HTTPS to the kindergarten's
 * PCs. Prints the certificate's fingerprint, which each PC is given when it connects.
 * `--restore FILE` / `--backup FOLDER` move a register in and back out instead (backup-cli.ts).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      // For tests, as browser mode's: the test-only calls and a clock that starts at --now.
      test: { type: 'boolean', default: false },
      now: { type: 'string' },
      // Instead of serving: restore a backup into the (empty) database, or write one.
      restore: { type: 'string' },
      backup: { type: 'string' },
      'passphrase-file': { type: 'string' },
    },
    strict: true,
  });
  if (!values.config) throw new ConfigError('Norādiet --config FAILS. / Give --config FILE.');
  if (values.now !== undefined && !values.test) {
    throw new ConfigError('--now tikai kopā ar --test. / --now needs --test.');
  }
  const start = new Date(values.now ?? Date.now());
  if (Number.isNaN(start.getTime())) throw new ConfigError(`--now: ${values.now}?`);
  const config = loadConfig(values.config);
  const fingerprint = new X509Certificate(config.tls.certificate).fingerprint256;
  mkdirSync(config.dataDir, { recursive: true });
  const { database } = config;
  const connection = {
    host: database.host,
    port: database.port,
    database: database.database,
    username: database.role,
    password: database.password,
    poolSize: database.poolSize,
  };
  if (values.restore !== undefined || values.backup !== undefined) {
    const passphrase = backupPassphrase(values['passphrase-file']);
    if (values.restore !== undefined) await runRestore(connection, values.restore, passphrase);
    else await runBackup(connection, values.backup!, passphrase);
    return;
  }
  const db = await openPostgres(connection, refuseMightyRole);
  const router = new ServerRouter(
    serverRegister({
      db,
      dataDir: config.dataDir,
      maxIdleMinutes: config.idleMinutes,
      testMode: values.test,
      clock: values.test ? new TestClock(start) : undefined,
    }),
  );
  router.startSweep();
  const server = createRegisterServer({
    router,
    certificate: config.tls.certificate,
    key: config.tls.key,
  });
  server.listen(config.listen.port, config.listen.host, () => {
    console.log(
      `Bērnudārza e-žurnāla serveris gaida https://${config.listen.host}:${config.listen.port}\n` +
        `Sertifikāta SHA-256 nospiedums (ievadiet to katrā datorā): ${fingerprint}`,
    );
  });
  const stop = () => {
    server.close();
    void router
      .dispose()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('Serveri neizdevās palaist / The server could not start:', err);
  process.exit(2);
});
