import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { AppPhase } from '../../common/contract';
import { AppError } from '../../common/errors';
import { DEFAULT_LOCALE, type Locale } from '../../common/locale';
import type { Role } from '../../common/roles';
import { databasePath } from '../../database/data-source';
import { DEFAULT_SCRYPT, KeySlotFile, type ScryptParams } from '../../database/keyslots';
import { systemClock, type Clock } from './clock';
import { DirtyWindows } from './release/dirty';
import { NO_RELEASE_RUNTIME, type ReleaseRuntime } from './release/runtime';

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
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * What the backend holds between calls: who is logged in, the open database and its key.
 * One user at a time; logging out or idling closes the database and forgets the key.
 */
export class SessionState {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly testMode: boolean;
  readonly scrypt: ScryptParams;
  readonly nativeBinding?: string;
  readonly release: ReleaseRuntime;
  /** Windows of this session with unsaved input; cleared when the session ends. */
  readonly dirty = new DirtyWindows();
  locale: Locale = DEFAULT_LOCALE;
  user?: SessionUser;
  /**
   * Runs background work (a long archive's parts) between calls, never inside one; the router
   * sets it to its queue. Without a router the work simply runs.
   */
  betweenCalls: <T>(work: () => Promise<T>) => Promise<T> = (work) => work();
  /** Called when the session ends, before the database closes (background work stops). */
  readonly onClose = new Set<() => void>();
  private database?: DataSource;
  private key?: Buffer;
  lastActivity = 0;

  constructor(options: BackendOptions) {
    this.dataDir = options.dataDir;
    this.clock = options.clock ?? systemClock;
    this.testMode = options.testMode ?? false;
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.nativeBinding = options.nativeBinding;
    this.release = options.release ?? NO_RELEASE_RUNTIME;
  }

  /** Setup when the folder holds neither file; locked when it holds both; else an error. */
  async phase(): Promise<{ phase: AppPhase; problem?: AppError }> {
    if (this.user && this.database) return { phase: 'unlocked' };
    const hasSlots = existsSync(KeySlotFile.pathIn(this.dataDir));
    const hasDatabase = existsSync(databasePath(this.dataDir));
    if (!hasSlots && !hasDatabase) return { phase: 'setup' };
    if (!hasSlots) {
      return {
        phase: 'error',
        problem: new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: 'keyslots.json' }),
      };
    }
    try {
      await KeySlotFile.load(this.dataDir);
    } catch (err) {
      if (err instanceof AppError) return { phase: 'error', problem: err };
      throw err;
    }
    if (!hasDatabase) {
      return {
        phase: 'error',
        problem: new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: 'register.db' }),
      };
    }
    return { phase: 'locked' };
  }

  get db(): DataSource {
    if (!this.database) throw new AppError('UNAUTHENTICATED');
    return this.database;
  }

  get masterKey(): Buffer {
    if (!this.key) throw new AppError('UNAUTHENTICATED');
    return this.key;
  }

  isOpen(): boolean {
    return this.database !== undefined;
  }

  open(database: DataSource, key: Buffer, user: SessionUser): void {
    this.database = database;
    this.key = key;
    this.user = user;
    this.touch();
  }

  touch(): void {
    this.lastActivity = this.clock.now().getTime();
  }

  /** Closes the database and overwrites the key in memory. */
  async close(): Promise<void> {
    for (const stop of [...this.onClose]) stop();
    this.onClose.clear();
    const database = this.database;
    this.database = undefined;
    this.user = undefined;
    this.dirty.clear();
    this.key?.fill(0);
    this.key = undefined;
    if (database?.isInitialized) await database.destroy();
  }
}
