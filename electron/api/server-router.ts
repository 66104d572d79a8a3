import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditAction } from '../../common/audit-actions';
import { AppError, type CallResult } from '../../common/errors';
import { DEFAULT_SCRYPT, type ScryptParams } from '../../database/keyslots';
import { AdmissionGate } from './admission-gate';
import { DatabaseAccounts } from './auth/database-accounts';
import { logout } from './auth/service';
import { systemClock, type Clock } from './clock';
import { Context } from './context';
import { dispatch, expireIdle, renderError } from './dispatch';
import { serverMailKey } from './mail/server-key';
import { OutboxWorker } from './mail/worker';
import { NO_RELEASE_RUNTIME } from './release/runtime';
import { SessionState, type Register } from './session';

export interface ServerRegisterOptions {
  /** The PostgreSQL pool (database/postgres.ts), migrated. */
  db: DataSource;
  /** The server's own folder (its log; later its backups). */
  dataDir: string;
  clock?: Clock;
  testMode?: boolean;
  scrypt?: ScryptParams;
  /** No session stays idle longer, logged in or not. */
  maxIdleMinutes: number;
}

export function serverRegister(options: ServerRegisterOptions): Register {
  const clock = options.clock ?? systemClock;
  const testMode = options.testMode ?? false;
  // One worker for every session: the pool is always open, and its short steps need no queue.
  const outbox = new OutboxWorker(clock, testMode);
  outbox.attach({
    database: () => (options.db.isInitialized ? options.db : undefined),
    serial: (work) => work(),
    passwordKey: () => serverMailKey(options.dataDir),
  });
  return {
    mode: 'server',
    dataDir: options.dataDir,
    clock,
    testMode,
    scrypt: options.scrypt ?? DEFAULT_SCRYPT,
    release: NO_RELEASE_RUNTIME,
    accounts: new DatabaseAccounts(options.db),
    folderPicker: false,
    maxIdleMinutes: options.maxIdleMinutes,
    outbox,
    callSlots: (options.db.options as { poolSize?: number }).poolSize ?? 10,
  };
}

/** Who sent a call: the connection's address and the session token it presented, if any. */
export interface ClientCall {
  address: string;
  token?: string;
}

/** The answer and the token the client presents from now on (new after a login). */
export interface ServerAnswer {
  result: CallResult;
  token: string;
}

/** An unguessable session token: 256 random bits. */
const newToken = (): string => randomBytes(32).toString('base64url');

/** '::ffff:10.0.0.5' and '10.0.0.5' are one client. */
export function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

class ServerSession {
  readonly state: SessionState;
  lastSeen: number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    register: Register,
    readonly address: string,
    public token: string,
  ) {
    this.state = new SessionState(register, address);
    // A long archive's parts run between this session's calls, as on one PC.
    this.state.betweenCalls = (work) => this.serial(work);
    this.lastSeen = register.clock.now().getTime();
  }

  /** One session's calls run one at a time, in order; other sessions' run beside them. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * Server mode: the same dispatch as one PC (./dispatch.ts), for many sessions at once. Each
 * client gets a session of its own, found by its token and bound to its address; a login issues
 * a new token. Sessions end at logout, after idling, or when their token comes from elsewhere.
 */
export class ServerRouter {
  private readonly sessions = new Map<string, ServerSession>();
  private sweepTimer?: NodeJS.Timeout;
  /** As many calls at once as the pool has connections (a call holds at most one). */
  private readonly gate: AdmissionGate;

  constructor(
    readonly register: Register,
    /** Sessions nobody has logged into are cheap but not free: beyond this the oldest go. */
    private readonly maxAnonymous = 1000,
  ) {
    // The outbox resumes when the server starts, whoever logs in.
    register.outbox.wake();
    this.gate = new AdmissionGate(register.callSlots ?? 1);
  }

  async call(client: ClientCall, method: string, input: unknown): Promise<ServerAnswer> {
    const address = normaliseAddress(client.address);
    const found = client.token ? this.sessions.get(client.token) : undefined;
    if (found && found.address !== address) {
      // A token from another address was copied, not carried: that session is over.
      await this.end(found, 'auth.session.move');
      const fresh = this.open(address);
      const error = new AppError('UNAUTHENTICATED', 'server.sessionMoved');
      return {
        result: { ok: false, error: renderError(error, fresh.state.locale) },
        token: fresh.token,
      };
    }
    const session = found ?? this.open(address);
    return session.serial(async () => {
      const before = session.state.user?.id;
      const result = await this.gate.run(() => dispatch(session.state, method, input));
      session.lastSeen = this.register.clock.now().getTime();
      const after = session.state.user?.id;
      if (after !== undefined && after !== before) this.renew(session);
      return { result, token: session.token };
    });
  }

  /** The state of the session a token names (tests look inside, as they do on one PC). */
  stateOf(token: string): SessionState | undefined {
    return this.sessions.get(token)?.state;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Logs idle users out and forgets idle anonymous sessions, now and every `intervalMs`. */
  startSweep(intervalMs = 15_000): void {
    this.sweepTimer = setInterval(() => void this.sweep(), intervalMs);
    this.sweepTimer.unref();
  }

  async sweep(): Promise<void> {
    const now = this.register.clock.now().getTime();
    const limit = (this.register.maxIdleMinutes ?? 10) * 60_000;
    for (const session of [...this.sessions.values()]) {
      if (session.state.user) {
        await session
          .serial(() => expireIdle(session.state))
          .catch((err: unknown) => {
            console.error('Idle logout failed:', err);
          });
      } else if (now - session.lastSeen >= limit) {
        this.sessions.delete(session.token);
      }
    }
  }

  async dispose(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    // An e-mail in flight is finished and recorded before the pool goes.
    await this.register.outbox.stop();
    for (const session of [...this.sessions.values()]) {
      await session.serial(() => session.state.close());
    }
    this.sessions.clear();
  }

  private open(address: string): ServerSession {
    const session = new ServerSession(this.register, address, newToken());
    this.sessions.set(session.token, session);
    this.evictAnonymous();
    return session;
  }

  /** A login gets a token never seen before it (the old one may have been watched). */
  private renew(session: ServerSession): void {
    this.sessions.delete(session.token);
    session.token = newToken();
    this.sessions.set(session.token, session);
  }

  private async end(
    session: ServerSession,
    action: Extract<AuditAction, `auth.session.${string}`>,
  ): Promise<void> {
    this.sessions.delete(session.token);
    await session.serial(async () => {
      if (session.state.user) await logout(new Context(session.state), action);
    });
  }

  private evictAnonymous(): void {
    const anonymous = [...this.sessions.values()].filter((s) => !s.state.user);
    if (anonymous.length <= this.maxAnonymous) return;
    anonymous.sort((a, b) => a.lastSeen - b.lastSeen);
    for (const session of anonymous.slice(0, anonymous.length - this.maxAnonymous)) {
      this.sessions.delete(session.token);
    }
  }
}
