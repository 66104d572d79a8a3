import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '../../../common/audit-actions';
import { AppError } from '../../../common/errors';
import { databasePath, openDatabase } from '../../../database/data-source';
import { User } from '../../../database/entities';
import {
  deriveKey,
  KeySlotFile,
  normaliseRecoveryKey,
  RECOVERY_LOCKOUT,
  unwrapKey,
  type Slot,
} from '../../../database/keyslots';
import { audit, flushPending } from '../audit/audit';
import { autoBackupIfDue } from '../backup/automatic';
import type { Context } from '../context';
import { openWithSafeMigration } from '../release/safe-migration';
import { sessionUser, type AccountStore, type PhaseAnswer } from './accounts';
import { lockSecondsLeft, registerFailure } from './lockout';

/**
 * The single-PC model: the data folder's key-slot file beside the encrypted database. A password
 * unwraps the master key that opens the file; failed attempts are counted in the slot file, since
 * the database is closed until someone logs in.
 */
export class KeySlotAccounts implements AccountStore {
  readonly kind = 'key-slots';

  constructor(private readonly dataDir: string) {}

  /** Setup when the folder holds neither file; locked when it holds both; else an error. */
  async phase(): Promise<PhaseAnswer> {
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

  /** A new master key, the database, the head's slot and the recovery slot. */
  async setup(
    ctx: Context,
    write: (m: EntityManager) => Promise<User>,
    password: string,
    recoveryKey: string,
  ): Promise<void> {
    const key = randomBytes(32);
    let db: DataSource | undefined;
    try {
      db = await openDatabase({
        dataDir: this.dataDir,
        key,
        create: true,
        nativeBinding: ctx.state.nativeBinding,
      });
      const head = await db.transaction(write);
      const slots = KeySlotFile.empty(this.dataDir);
      await slots.setUserSlot(key, head, password, ctx.state.scrypt);
      await slots.setRecoverySlot(key, recoveryKey, ctx.state.scrypt);
      await slots.save();
      ctx.state.open(db, key, sessionUser(head));
    } catch (err) {
      // Back to a clean first-run folder: nothing half made is left behind.
      if (db?.isInitialized) await db.destroy();
      for (const suffix of ['', '-wal', '-shm']) {
        rmSync(databasePath(this.dataDir) + suffix, { force: true });
      }
      throw err;
    }
  }

  async login(ctx: Context, username: string, password: string): Promise<void> {
    const slots = await KeySlotFile.load(this.dataDir);
    slots.forgetOldFailures(ctx.now());
    const slot = slots.userSlot(username);
    // An unknown name costs its hash's scrypt here, an account its unwrap below: the same time.
    const lock = await slots.lockoutKey(username);
    await refuseIfLocked(ctx, slots, lock, slot !== undefined);
    const key = slot ? await unwrapKey(slot, password) : null;
    if (!key || !slot) return refuse(ctx, slots, lock, slot?.userId);
    const user = await this.unlock(
      ctx,
      slots,
      key,
      (db) => db.getRepository(User).findOneBy({ id: slot.userId }),
      'auth.login.success',
    );
    if (!user) return refuse(ctx, slots, lock, slot.userId);
    slots.setLockout(lock, { failures: 0 });
    slots.forgetUnknownNames();
    await slots.save();
    await autoBackupIfDue(ctx.state, 'login'); // never throws: a failed backup is only recorded
  }

  async recover(
    ctx: Context,
    recoveryKey: string,
    username: string,
    newPassword: string,
  ): Promise<User> {
    const slots = await KeySlotFile.load(this.dataDir);
    slots.forgetOldFailures(ctx.now());
    // One counter for every attempt: the recovery key is one per install, whatever name is typed.
    await refuseIfLocked(ctx, slots, RECOVERY_LOCKOUT, false);
    const slot = slots.recoverySlot() as Slot;
    const key = await unwrapKey(slot, normaliseRecoveryKey(recoveryKey));
    const userId = slots.userSlot(username)?.userId;
    const via = { via: 'recoveryKey' };
    if (!key) return refuse(ctx, slots, RECOVERY_LOCKOUT, userId, 'auth.wrongRecoveryKey', via);
    const user = await this.unlock(
      ctx,
      slots,
      key,
      (db) => db.getRepository(User).findOneBy({ username, role: 'head' }),
      'auth.password.recover',
    );
    if (!user) return refuse(ctx, slots, RECOVERY_LOCKOUT, userId, 'auth.wrongRecoveryKey', via);
    await slots.setUserSlot(key, user, newPassword, ctx.state.scrypt);
    slots.setLockout(RECOVERY_LOCKOUT, { failures: 0 });
    slots.setLockout(`user:${user.id}`, { failures: 0 });
    await slots.save();
    return user;
  }

  async checkPassword(ctx: Context, password: string): Promise<boolean> {
    const slots = await KeySlotFile.load(this.dataDir);
    const slot = slots.userSlot(ctx.user.username);
    return slot !== undefined && (await unwrapKey(slot, password)) !== null;
  }

  async setPassword(
    ctx: Context,
    _m: EntityManager,
    user: { id: number; username: string },
    password: string,
    options: { resetLockout?: boolean } = {},
  ): Promise<void> {
    const slots = await KeySlotFile.load(this.dataDir);
    await slots.setUserSlot(ctx.state.masterKey, user, password, ctx.state.scrypt);
    if (options.resetLockout) slots.setLockout(`user:${user.id}`, { failures: 0 });
    await slots.save();
  }

  async removePassword(_ctx: Context, _m: EntityManager, userId: number): Promise<void> {
    const slots = await KeySlotFile.load(this.dataDir);
    slots.removeUserSlot(userId);
    await slots.save();
  }

  async setRecoveryKey(ctx: Context, _m: EntityManager, recoveryKey: string): Promise<void> {
    const slots = await KeySlotFile.load(this.dataDir);
    await slots.setRecoverySlot(ctx.state.masterKey, recoveryKey, ctx.state.scrypt);
    await slots.save();
  }

  async endSession(db: DataSource): Promise<void> {
    if (db.isInitialized) await db.destroy();
  }

  /** Opens the database with an unwrapped key and logs the user in. */
  private async unlock(
    ctx: Context,
    slots: KeySlotFile,
    key: Buffer,
    find: (db: DataSource) => Promise<User | null>,
    action: AuditAction,
  ): Promise<User | null> {
    await ctx.state.close();
    // A new program version migrates here, behind a backup that is put back if a migration fails.
    const db = await openWithSafeMigration({
      dataDir: this.dataDir,
      key,
      nativeBinding: ctx.state.nativeBinding,
      clock: ctx.state.clock,
      scrypt: ctx.state.scrypt,
    });
    const user = await find(db);
    if (!user || !user.active) {
      await db.destroy();
      return null;
    }
    const pending = slots.takePendingAudit();
    await db.transaction(async (m) => {
      await flushPending(m, pending);
      await audit(m, ctx.now(), { action, actorId: user.id, entity: 'user', entityId: user.id });
    });
    ctx.state.open(db, key, sessionUser(user));
    return user;
  }
}

/**
 * Counts a failed attempt under the lockout key and throws the refusal: the same message for an
 * unknown user and a wrong password; the lockout message once the attempts are used up. The
 * pending audit names the account by id when there is one, never by the name typed.
 */
async function refuse(
  ctx: Context,
  slots: KeySlotFile,
  lock: string,
  userId: number | undefined,
  badKey = 'error.BAD_CREDENTIALS',
  detail?: Record<string, string>,
): Promise<never> {
  const next = registerFailure(slots.lockout(lock), ctx.now());
  const at = ctx.now().toISOString();
  slots.setLockout(lock, { failures: next.failures, lockedUntil: next.lockedUntil, at });
  slots.queueAudit({ at, action: 'auth.login.fail', userId, detail });
  if (next.lockedFor > 0) {
    slots.queueAudit({
      at,
      action: 'auth.login.lockout',
      userId,
      detail: { ...detail, seconds: next.lockedFor, failures: next.failures },
    });
  }
  await slots.save();
  if (next.lockedFor > 0) throw new AppError('LOCKED', 'error.LOCKED', { seconds: next.lockedFor });
  throw new AppError('BAD_CREDENTIALS', badKey);
}

/**
 * Refuses a locked key. A locked account still costs one scrypt, as an unknown name's hash
 * does, so the time of a refusal does not tell which names are accounts.
 */
async function refuseIfLocked(
  ctx: Context,
  slots: KeySlotFile,
  lock: string,
  spend: boolean,
): Promise<void> {
  const seconds = lockSecondsLeft(slots.lockout(lock), ctx.now());
  if (seconds <= 0) return;
  if (spend) await deriveKey('', randomBytes(16), slots.decoyParams());
  throw new AppError('LOCKED', 'error.LOCKED', { seconds });
}
