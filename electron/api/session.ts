import type { DataSource } from 'typeorm';
import type { AppPhase } from '../../common/contract';
import { AppError } from '../../common/errors';
import { DEFAULT_LOCALE, type Locale } from '../../common/locale';
import type { Role } from '../../common/roles';
import type { ScryptParams } from '../../database/keyslots';
import type { AccountStore } from './auth/accounts';
import type { Clock } from './clock';
import { DirtyWindows } from './release/dirty';
import type { OutboxWorker } from './mail/worker';
import type { ReleaseRuntime } from './release/runtime';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  /** Enables the test-only calls (clock control). Never set in the desktop build. */
  testMode?: boolean;
  /** Cheaper key derivation for tests; production uses DEFAULT_SCRYPT. */
  scrypt?: ScryptParams;
  /** The Electron build of the native driver. */
  nativeBinding?: string;
  /** The program's updates and log (electron/api/release); none in tests. */
  release?: ReleaseRuntime;
  /**
   * Browser mode: the page may list the PC's folders to pick a backup folder or file, since a
   * browser cannot open the system's dialog. The desktop build opens that dialog instead.
   */
  folderPicker?: boolean;
}

/**
 * What every session of one process shares: where the register lives and how its accounts are
 * checked. One PC: the encrypted file and its key slots, one session at a time. Server mode: one
 * PostgreSQL pool and password hashes in the database, many sessions at once.
 */
export interface Register {
  readonly mode: 'single-pc' | 'server';
  readonly dataDir: string;
  readonly clock: Clock;
  readonly testMode: boolean;
  readonly scrypt: ScryptParams;
  readonly nativeBinding?: string;
  readonly release: ReleaseRuntime;
  readonly accounts: AccountStore;
  /** Browser mode on one PC only: the backup screens' folder picker lists this PC's folders. */
  readonly folderPicker: boolean;
  /** Server mode: no session stays idle longer than this, whatever the institution's setting. */
  readonly maxIdleMinutes?: number;
  /**
   * The one outbox worker of this database (mail/worker.ts): on a server one for all sessions.
   * The router that holds the database attaches it.
   */
  readonly outbox: OutboxWorker;
  /** Server mode: calls that run at once, one per connection of the pool (./admission-gate.ts). */
  readonly callSlots?: number;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * What the backend holds between the calls of one session: who is logged in, the database it
 * works on and (on one PC) the key that opened it. Logging out or idling forgets the user; on
 * one PC it also closes the database and overwrites the key.
 */
export class SessionState {
  /** Windows of this session with unsaved input; cleared when the session ends. */
  readonly dirty = new DirtyWindows();
  locale: Locale = DEFAULT_LOCALE;
  user?: SessionUser;
  /**
   * Runs background work (a long archive's parts, the automatic backup's snapshot) between
   * calls, never inside one; the routers set it to the session's queue. Without one it runs.
   */
  betweenCalls: <T>(work: () => Promise<T>) => Promise<T> = (work) => work();
  /** Called when the session ends, before the database closes (background work stops). */
  readonly onClose = new Set<() => void>();
  private database?: DataSource;
  private key?: Buffer;
  lastActivity = 0;
  /** What work left running after its call answered (the automatic backup) does before closing. */
  private readonly tasks = new Set<() => Promise<void>>();

  constructor(
    readonly register: Register,
    /** Server mode: the client's network address (lockouts are also counted per address). */
    readonly clientAddress?: string,
  ) {}

  get dataDir(): string {
    return this.register.dataDir;
  }
  get clock(): Clock {
    return this.register.clock;
  }
  get testMode(): boolean {
    return this.register.testMode;
  }
  get scrypt(): ScryptParams {
    return this.register.scrypt;
  }
  get nativeBinding(): string | undefined {
    return this.register.nativeBinding;
  }
  get release(): ReleaseRuntime {
    return this.register.release;
  }
  get folderPicker(): boolean {
    return this.register.folderPicker;
  }
  get accounts(): AccountStore {
    return this.register.accounts;
  }

  /** Setup before the register exists, locked until someone logs in; or what is wrong. */
  async phase(): Promise<{ phase: AppPhase; problem?: AppError }> {
    if (this.user && this.database) return { phase: 'unlocked' };
    return this.accounts.phase();
  }

  get db(): DataSource {
    if (!this.database) throw new AppError('UNAUTHENTICATED');
    return this.database;
  }

  /** The key of the encrypted file (one PC only: a server's data is not encrypted by the program). */
  get masterKey(): Buffer {
    if (this.register.mode === 'server') {
      throw new AppError('UNAVAILABLE', 'server.notOnServer');
    }
    if (!this.key) throw new AppError('UNAUTHENTICATED');
    return this.key;
  }

  isOpen(): boolean {
    return this.database !== undefined;
  }

  open(database: DataSource, key: Buffer | undefined, user: SessionUser): void {
    this.database = database;
    this.key = key;
    this.user = user;
    this.touch();
    this.wakeOutbox();
  }

  /** Mail was queued or the database opened: the register's one outbox worker looks. */
  wakeOutbox(): void {
    this.register.outbox.wake();
  }

  touch(): void {
    this.lastActivity = this.clock.now().getTime();
  }

  /** Work going on after its call answered; closing the session first lets it finish. */
  addTask(finish: () => Promise<void>): void {
    this.tasks.add(finish);
  }
  removeTask(finish: () => Promise<void>): void {
    this.tasks.delete(finish);
  }

  /** Ends the session: forgets the user, overwrites the key, gives the database back. */
  async close(): Promise<void> {
    for (const stop of [...this.onClose]) stop();
    this.onClose.clear();
    for (const finish of [...this.tasks]) await finish().catch(() => undefined);
    const database = this.database;
    this.database = undefined;
    this.user = undefined;
    this.dirty.clear();
    this.key?.fill(0);
    this.key = undefined;
    if (database) await this.accounts.endSession(database);
  }
}
