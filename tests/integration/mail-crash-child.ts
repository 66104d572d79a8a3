import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';

/**
 * The child process of the crash test (mail-crash.test.ts), bundled and run by it: opens the
 * register in the given folder as the head, queues a test e-mail and lets the worker send it.
 * With REGISTER_TEST_KILL_AFTER_250=1 the worker kills this process right after the server's
 * 250, before the outbox row is updated. Exits 3 if it is still alive after 20 s.
 */
async function main(): Promise<void> {
  const [dataDir, username, password, to, now] = process.argv.slice(2);
  const router = new Router({ dataDir, testMode: true, clock: new TestClock(new Date(now)) });
  const login = await router.call('auth.login', { username, password });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const queued = await router.call('mail.testMessage', { to });
  if (!queued.ok) throw new Error(JSON.stringify(queued.error));
  await router.outbox.settle();
  setTimeout(() => process.exit(3), 20_000);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
