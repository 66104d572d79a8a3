import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { SessionInfo } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice';
import { openDatabase, databasePath } from '../../../database/data-source';
import { Institution, User } from '../../../database/entities';
import type { AuditAction } from '../../../common/audit-actions';
import {
  deriveKey,
  KeySlotFile,
  newRecoveryKey,
  normaliseRecoveryKey,
  RECOVERY_LOCKOUT,
  unwrapKey,
  type Slot,
} from '../../../database/keyslots';
import { audit, flushPending } from '../audit/audit';
import { autoBackupIfDue } from '../backup/automatic';
import { openWithSafeMigration } from '../release/safe-migration';
import type { Context } from '../context';
import type { SessionUser } from '../session';
import { lockSecondsLeft, registerFailure } from './lockout';

export function sessionUser(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function sessionInfo(ctx: Context): Promise<SessionInfo> {
  const institution = await ctx.db.getRepository(Institution).findOneByOrFail({ id: 1 });
  const user = await ctx.db.getRepository(User).findOneByOrFail({ id: ctx.user.id });
  return {
    userId: ctx.user.id,
    username: ctx.user.username,
    fullName: ctx.user.fullName,
    role: ctx.user.role,
    mustChangePassword: ctx.user.mustChangePassword,
    recoveryKeyPending: !institution.recoveryKeyConfirmed,
    institutionName: institution.name,
    idleMinutes: institution.idleMinutes,
    privacyNoticePending: user.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION,
  };
}

interface SetupInput {
  institution: { name: string; regNo: string; address: string };
  head: { fullName: string; username: string; newPassword: string };
}

/** First run: a new master key, the database, the head's slot and the recovery slot. */
export async function setup(ctx: Context, input: SetupInput): Promise<string> {
  const { phase } = await ctx.state.phase();
  if (phase !== 'setup') throw new AppError('SETUP_DONE');
  const key = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const now = ctx.now().toISOString();
  let db: DataSource | undefined;
  try {
    db = await openDatabase({
      dataDir: ctx.state.dataDir,
      key,
      create: true,
      nativeBinding: ctx.state.nativeBinding,
    });
    const head = await db.transaction(async (m) => {
      await m.insert(Institution, { id: 1, ...input.institution });
      const user = m.create(User, {
        username: input.head.username,
        fullName: input.head.fullName,
        role: 'head',
        active: true,
        mustChangePassword: false,
        createdAt: now,
        passwordChangedAt: now,
      });
      await m.save(user);
      await audit(m, ctx.now(), {
        action: 'auth.institution.setup',
        actorId: user.id,
        entity: 'institution',
        entityId: 1,
        after: input.institution,
      });
      return user;
    });
    const slots = KeySlotFile.empty(ctx.state.dataDir);
    await slots.setUserSlot(key, head, input.head.newPassword, ctx.state.scrypt);
    await slots.setRecoverySlot(key, recoveryKey, ctx.state.scrypt);
    await slots.save();
    ctx.state.open(db, key, sessionUser(head));
    return recoveryKey;
  } catch (err) {
    // Back to a clean first-run folder: nothing half made is left behind.
    if (db?.isInitialized) await db.destroy();
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(databasePath(ctx.state.dataDir) + suffix, { force: true });
    }
    throw err;
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

/** Opens the database with an unwrapped key and logs the user in. */
async function unlock(
  ctx: Context,
  slots: KeySlotFile,
  key: Buffer,
  find: (db: DataSource) => Promise<User | null>,
  action: AuditAction,
): Promise<User | null> {
  await ctx.state.close();
  // A new program version migrates here, behind a backup that is put back if a migration fails.
  const db = await openWithSafeMigration({
    dataDir: ctx.state.dataDir,
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

export async function login(ctx: Context, username: string, password: string): Promise<void> {
  const slots = await KeySlotFile.load(ctx.state.dataDir);
  slots.forgetOldFailures(ctx.now());
  const slot = slots.userSlot(username);
  // An unknown name costs its hash's scrypt here, an account its unwrap below: the same time.
  const lock = await slots.lockoutKey(username);
  await refuseIfLocked(ctx, slots, lock, slot !== undefined);
  const key = slot ? await unwrapKey(slot, password) : null;
  if (!key || !slot) return refuse(ctx, slots, lock, slot?.userId);
  const user = await unlock(
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

export async function recover(
  ctx: Context,
  recoveryKey: string,
  username: string,
  newPassword: string,
): Promise<void> {
  const slots = await KeySlotFile.load(ctx.state.dataDir);
  slots.forgetOldFailures(ctx.now());
  // One counter for every attempt: the recovery key is one per install, whatever name is typed.
  await refuseIfLocked(ctx, slots, RECOVERY_LOCKOUT, false);
  const slot = slots.recoverySlot() as Slot;
  const key = await unwrapKey(slot, normaliseRecoveryKey(recoveryKey));
  const userId = slots.userSlot(username)?.userId;
  const via = { via: 'recoveryKey' };
  if (!key) return refuse(ctx, slots, RECOVERY_LOCKOUT, userId, 'auth.wrongRecoveryKey', via);
  const user = await unlock(
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
  await ctx.db
    .getRepository(User)
    .update(
      { id: user.id },
      { mustChangePassword: false, passwordChangedAt: ctx.now().toISOString() },
    );
  ctx.state.user = { ...sessionUser(user), mustChangePassword: false };
}

export async function changePassword(
  ctx: Context,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const slots = await KeySlotFile.load(ctx.state.dataDir);
  const slot = slots.userSlot(ctx.user.username);
  if (!slot || !(await unwrapKey(slot, currentPassword))) {
    throw new AppError(
      'VALIDATION',
      'error.VALIDATION',
      {},
      { currentPassword: 'auth.wrongCurrentPassword' },
    );
  }
  if (currentPassword === newPassword) {
    throw new AppError('VALIDATION', 'error.VALIDATION', {}, { newPassword: 'auth.passwordSame' });
  }
  if (newPassword.trim().toLowerCase() === ctx.user.username) {
    throw new AppError(
      'VALIDATION',
      'error.VALIDATION',
      {},
      { newPassword: 'auth.passwordIsUsername' },
    );
  }
  await slots.setUserSlot(ctx.state.masterKey, ctx.user, newPassword, ctx.state.scrypt);
  await ctx.db.transaction(async (m) => {
    await m.update(
      User,
      { id: ctx.user.id },
      { mustChangePassword: false, passwordChangedAt: ctx.now().toISOString() },
    );
    await audit(m, ctx.now(), {
      action: 'auth.password.change',
      actorId: ctx.user.id,
      entity: 'user',
      entityId: ctx.user.id,
    });
    await slots.save(); // inside the transaction: a failed write rolls the flag back
  });
  ctx.state.user = { ...ctx.user, mustChangePassword: false };
}

export async function logout(
  ctx: Context,
  action: Extract<AuditAction, `auth.session.${string}`> = 'auth.session.logout',
): Promise<void> {
  if (ctx.state.isOpen() && ctx.state.user) {
    await audit(ctx.db.manager, ctx.now(), {
      action,
      actorId: ctx.state.user.id,
      entity: 'user',
      entityId: ctx.state.user.id,
    });
  }
  await ctx.state.close();
}

/** The head has stored the recovery key shown at setup (or after a new one was made). */
export async function confirmRecoveryKey(ctx: Context): Promise<SessionInfo> {
  await ctx.db.transaction(async (m) => {
    await m.update(Institution, { id: 1 }, { recoveryKeyConfirmed: true });
    await audit(m, ctx.now(), { action: 'auth.recoveryKey.confirm', actorId: ctx.user.id });
  });
  return sessionInfo(ctx);
}

export async function replaceRecoveryKey(ctx: Context): Promise<string> {
  const slots = await KeySlotFile.load(ctx.state.dataDir);
  const recoveryKey = newRecoveryKey();
  await slots.setRecoverySlot(ctx.state.masterKey, recoveryKey, ctx.state.scrypt);
  await ctx.db.transaction(async (m) => {
    await m.update(Institution, { id: 1 }, { recoveryKeyConfirmed: false });
    await audit(m, ctx.now(), { action: 'auth.recoveryKey.replace', actorId: ctx.user.id });
    await slots.save();
  });
  return recoveryKey;
}
