import type { DataSource, EntityManager } from 'typeorm';
import type { AppPhase } from '../../../common/contract';
import type { AppError } from '../../../common/errors';
import type { User } from '../../../database/entities';
import type { Context } from '../context';
import type { SessionUser } from '../session';

export interface PhaseAnswer {
  phase: AppPhase;
  problem?: AppError;
}

/**
 * Where passwords are checked and kept. One PC: key slots (a password unwraps the key of the
 * encrypted file; key-slot-accounts.ts). Server mode: scrypt hashes in the database
 * (database-accounts.ts). The auth and users services call this and never ask which one it is.
 * Methods given a transaction's manager write in it, as its last step: a write that fails rolls
 * the account change back.
 */
export interface AccountStore {
  readonly kind: 'key-slots' | 'database';
  /** 'setup' before the register exists, 'locked' after; 'error' with what is wrong. */
  phase(): Promise<PhaseAnswer>;
  /**
   * First run: makes the register, lets `write` add the institution and the head (returning
   * her), keeps her password and the recovery key, and logs her in.
   */
  setup(
    ctx: Context,
    write: (m: EntityManager) => Promise<User>,
    password: string,
    recoveryKey: string,
  ): Promise<void>;
  /** Logs the user in, or counts the failure and throws the refusal (same for unknown names). */
  login(ctx: Context, username: string, password: string): Promise<void>;
  /** The head in with the recovery key; her new password kept; logged in. Returns her. */
  recover(ctx: Context, recoveryKey: string, username: string, newPassword: string): Promise<User>;
  /** Whether `password` is the logged-in user's. */
  checkPassword(ctx: Context, password: string): Promise<boolean>;
  setPassword(
    ctx: Context,
    m: EntityManager,
    user: { id: number; username: string },
    password: string,
    options?: { resetLockout?: boolean },
  ): Promise<void>;
  /** A deactivated account can no longer log in. */
  removePassword(ctx: Context, m: EntityManager, userId: number): Promise<void>;
  setRecoveryKey(ctx: Context, m: EntityManager, recoveryKey: string): Promise<void>;
  /** The session's database is given back at logout: one PC closes its file, a server keeps its pool. */
  endSession(db: DataSource): Promise<void>;
}

export function sessionUser(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}
