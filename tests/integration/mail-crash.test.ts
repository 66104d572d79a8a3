import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxEmail } from '../../database/entities/mail';
import { SETUP, testBackend } from './helpers';
import { smtpPeer, stopPeers } from './smtp-peer';

afterEach(stopPeers);

const ROOT = path.join(__dirname, '..', '..');
/** Inside the tree, so the bundle finds node_modules; our own code is bundled from source. */
const CHILD = path.join(ROOT, 'node_modules', '.cache', 'register-tests', 'mail-crash-child.js');

async function bundleChild(): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'mail-crash-child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
}

function runChild(
  args: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, ...args], {
      env: { ...process.env, REGISTER_TEST_KILL_AFTER_250: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, err }));
  });
}

describe('a crash between the server accepting an e-mail and the outbox recording it', () => {
  it('does not deliver it a second time after the restart', async () => {
    const peer = await smtpPeer();
    const b = testBackend();
    await b.ok('auth.setup', SETUP);
    await b.ok('mail.saveSettings', peer.settings());
    await b.ok('auth.logout', {});
    await bundleChild();

    // A real process, killed (SIGKILL, no clean-up) right after the server's 250.
    const to = 'ilze@zilite.example.lv';
    const { username, newPassword } = SETUP.head;
    // The child's clock is the parent's: what it queues is due at once for the parent too.
    const now = b.clock.now().toISOString();
    const run = await runChild([b.dataDir, username, newPassword, to, now]);
    expect(run.err).toBe('');
    expect(run.signal).toBe('SIGKILL');
    expect(peer.received).toHaveLength(1);
    const [messageId] = [...peer.messageIds().keys()];

    // The restart: the row it left in 'sending' is ambiguous, so it is never sent by itself.
    await b.ok('auth.login', { username: SETUP.head.username, password: SETUP.head.newPassword });
    await b.router.outbox.settle();
    for (let i = 0; i < 3; i++) {
      b.clock.advance(9 * 60);
      await b.ok('session.ping', {});
      await b.router.outbox.settle();
    }
    expect(peer.messageIds().get(messageId)).toBe(1);
    const rows = await b.router.state.db.getRepository(OutboxEmail).find();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'unknown', messageId, claim: null });
    const shown = (await b.ok('mail.outbox', { page: 1 })).rows[0];
    expect(shown).toMatchObject({
      status: 'unknown',
      canResend: true,
      lastError:
        'Programma tika aizvērta sūtīšanas laikā: nav zināms, vai serveris vēstuli saņēma. Pārbaudiet un, ja vajag, nosūtiet vēlreiz.',
    });

    // Only a person's decision sends it again, and with the same Message-ID.
    await b.ok('mail.resend', { id: rows[0].id });
    await b.router.outbox.settle();
    expect(peer.messageIds().get(messageId)).toBe(2);
    expect(peer.received).toHaveLength(2);
  });
});
