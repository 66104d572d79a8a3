import type { CallResult } from '../../common/errors';
import { DEFAULT_SCRYPT } from '../../database/keyslots';
import { KeySlotAccounts } from './auth/key-slot-accounts';
import { systemClock } from './clock';
import { dispatch, expireIdle } from './dispatch';
import { OutboxWorker } from './mail/worker';
import { NO_RELEASE_RUNTIME } from './release/runtime';
import { SessionState, type BackendOptions, type Register } from './session';

/** The single-PC register of a data folder: its encrypted file and key slots. */
export function singlePcRegister(options: BackendOptions): Register {
  const clock = options.clock ?? systemClock;
  const testMode = options.testMode ?? false;
  return {
    mode: 'single-pc',
    dataDir: options.dataDir,
    clock,
    testMode,
    scrypt: options.scrypt ?? DEFAULT_SCRYPT,
    nativeBinding: options.nativeBinding,
    release: options.release ?? NO_RELEASE_RUNTIME,
    accounts: new KeySlotAccounts(options.dataDir),
    folderPicker: options.folderPicker ?? false,
    outbox: new OutboxWorker(clock, testMode),
  };
}

/**
 * The one entry point of the API on one PC, shared by IPC and the loopback HTTP bridge (the
 * pipeline itself is ./dispatch.ts). Calls run one at a time: one user, one database connection.
 * Server mode runs many sessions over the same pipeline: ./server-router.ts.
 */
export class Router {
  readonly state: SessionState;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer?: NodeJS.Timeout;

  constructor(options: BackendOptions) {
    this.state = new SessionState(singlePcRegister(options));
    // The one session's database, while someone is logged in; its steps queue with the calls.
    this.outbox.attach({
      database: () => (this.state.isOpen() ? this.state.db : undefined),
      serial: (work) => this.serial(work),
      passwordKey: () => this.state.masterKey,
    });
    // Background work (an archive, the automatic backup) reads and writes between calls.
    this.state.betweenCalls = (work) => this.serial(work);
  }

  /** Sends the outbox in the background, in short steps through this queue (mail/worker.ts). */
  get outbox(): OutboxWorker {
    return this.state.register.outbox;
  }

  /** Starts the timer that logs out an idle user even when the UI sends nothing. */
  startIdleWatch(intervalMs = 5000): void {
    this.idleTimer = setInterval(() => void this.serial(() => expireIdle(this.state)), intervalMs);
    this.idleTimer.unref();
  }

  async dispose(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    // An e-mail in flight is finished and recorded before the database closes.
    await this.outbox.stop();
    await this.serial(() => this.state.close());
  }

  call(method: string, input: unknown): Promise<CallResult> {
    return this.serial(() => dispatch(this.state, method, input));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
