import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TestClock } from './api/clock';
import { programVersion } from './api/backup/export';
import { secureDataFolder } from './api/data-folder';
import { lockDataDir } from './api/data-lock';
import { AppLog, aboutLine, captureConsole } from './api/release/app-log';
import { SIMULATED_FEED, SimulatedUpdater } from './api/release/simulated-updater';
import { Updates } from './api/release/updates';
import { Router } from './api/router';
import { normaliseFingerprint } from '../common/contract/client';
import { MIGRATIONS } from '../database/migrations';
import { Backend } from './client/backend';
import { createWebServer } from './web-server';

/**
 * `npm run web -- --data-dir DIR --port N [--test --now ISO --offer-update VERSION --cheap-keys]`:
 * the whole program, backend included, served to a browser on 127.0.0.1. Prints one line with
 * the URL to open. --offer-update simulates an update feed offering VERSION (tests of the head's
 * controls); --cheap-keys derives new passwords' keys with a cheap scrypt (fast tests).
 * `--server URL --fingerprint SHA256`: a PC of a kindergarten with a server instead; the calls
 * go on to the server (electron/client/), as the desktop program's do once it has chosen one.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5199' },
      test: { type: 'boolean', default: false },
      now: { type: 'string' },
      'offer-update': { type: 'string' },
      'cheap-keys': { type: 'boolean', default: false },
      server: { type: 'string' },
      fingerprint: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = path.resolve(values['data-dir'] ?? path.join(process.cwd(), 'data'));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a number 0–65535, got ${values.port}`);
  }
  if (values.now !== undefined && !values.test) fail('--now is available only with --test');
  const offered = values['offer-update'];
  if (offered !== undefined && !values.test) fail('--offer-update is available only with --test');
  if (values['cheap-keys'] && !values.test) fail('--cheap-keys is available only with --test');
  const start = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(start.getTime())) fail(`--now is not an ISO instant: ${values.now}`);
  const server = values.server;
  const fingerprint = normaliseFingerprint(values.fingerprint ?? '');
  if (server !== undefined && !fingerprint) {
    fail('--server needs --fingerprint: the SHA-256 of its certificate (64 hex digits)');
  }
  if (server !== undefined && !/^https:\/\/[^/]+\/?$/.test(server)) {
    fail(`--server must be https://host:port, got ${server}`);
  }
  secureDataFolder(dataDir);
  const lock = lockDataDir(dataDir);
  if ('heldBy' in lock) {
    fail(`Šī datu mape jau ir atvērta citā programmā (process ${lock.heldBy}): ${dataDir}`);
  }

  // Browser mode has no updater of its own; with --offer-update a simulated one.
  const updates = new Updates({
    port: offered === undefined ? null : new SimulatedUpdater(offered),
    installed: programVersion(),
    feedUrl: offered === undefined ? null : SIMULATED_FEED,
    isDirty: (): boolean => backend.local?.state.dirty.any() ?? false,
    now: (): Date => backend.local?.state.clock.now() ?? new Date(),
  });
  const log = AppLog.start(
    dataDir,
    aboutLine({
      programVersion: programVersion(),
      schemaVersion: MIGRATIONS.length,
      dataDir,
      updates: updates.describe(),
    }),
  );
  const makeLocal = (): Router => {
    const router = new Router({
      dataDir,
      testMode: values.test,
      clock: values.test ? new TestClock(start) : undefined,
      release: { updates, logFile: log.file },
      // Tests that log in many times and are not about the key derivation (the axe walk).
      scrypt: values['cheap-keys'] ? { N: 2 ** 12, r: 8, p: 1 } : undefined,
      // A page cannot open the PC's Open dialog: browser mode lists folders for its own picker.
      folderPicker: true,
    });
    router.startIdleWatch();
    return router;
  };
  const choice =
    server && fingerprint ? { address: new URL(server).origin, fingerprint } : undefined;
  const backend = new Backend(dataDir, makeLocal, choice);
  updates.start();
  const token = randomBytes(24).toString('base64url');
  const staticDir = path.join(__dirname, '..', 'renderer');
  const web = createWebServer({ router: backend, staticDir, token });
  web.listen(port, '127.0.0.1', () => {
    const address = web.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Open http://127.0.0.1:${actual}/#token=${token}`);
    // Only now: the line above carries this run's token, which stays out of the log file.
    captureConsole(log);
  });
  const stop = () => {
    web.close();
    void backend.dispose().then(() => {
      lock.release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function fail(text: string): never {
  console.error(text);
  process.exit(2);
}

main();
