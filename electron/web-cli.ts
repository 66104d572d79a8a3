import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TestClock } from './api/clock';
import { lockDataDir } from './api/data-lock';
import { Router } from './api/router';
import { createWebServer } from './web-server';

/**
 * `npm run web -- --data-dir DIR --port N [--test --now ISO]`: the whole program, backend
 * included, served to a browser on 127.0.0.1. Prints one line with the URL to open.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5199' },
      test: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = path.resolve(values['data-dir'] ?? path.join(process.cwd(), 'data'));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a number 0–65535, got ${values.port}`);
  }
  if (values.now !== undefined && !values.test) fail('--now is available only with --test');
  const start = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(start.getTime())) fail(`--now is not an ISO instant: ${values.now}`);
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if ('heldBy' in lock) {
    fail(`Šī datu mape jau ir atvērta citā programmā (process ${lock.heldBy}): ${dataDir}`);
  }

  const router = new Router({
    dataDir,
    testMode: values.test,
    clock: values.test ? new TestClock(start) : undefined,
  });
  router.startIdleWatch();
  const token = randomBytes(24).toString('base64url');
  const staticDir = path.join(__dirname, '..', 'renderer');
  const server = createWebServer({ router, staticDir, token });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Open http://127.0.0.1:${actual}/#token=${token}`);
  });
  const stop = () => {
    server.close();
    void router.dispose().then(() => {
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
