import type { EntityManager } from 'typeorm';
import type { SessionInfo } from '../../../common/contract';
import type { AuditAction } from '../../../common/audit-actions';
import { AppError } from '../../../common/errors';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice';
import { Institution, User } from '../../../database/entities';
import { newRecoveryKey } from '../../../database/keyslots';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { sessionUser } from './accounts';

/**
 * Logging in and out, first run, passwords. Where passwords live (key slots on one PC, hashes
 * in the database on a server) is the account store's business (./accounts.ts).
 */

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

/** First run: the register, the institution, the head (logged in) and a recovery key. */
export async function setup(ctx: Context, input: SetupInput): Promise<string> {
  const { phase } = await ctx.state.phase();
  if (phase !== 'setup') throw new AppError('SETUP_DONE');
  const recoveryKey = newRecoveryKey();
  const now = ctx.now().toISOString();
  const write = async (m: EntityManager): Promise<User> => {
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
  };
  await ctx.state.accounts.setup(ctx, write, input.head.newPassword, recoveryKey);
  return recoveryKey;
}

export async function login(ctx: Context, username: string, password: string): Promise<void> {
  await ctx.state.accounts.login(ctx, username, password);
}

export async function recover(
  ctx: Context,
  recoveryKey: string,
  username: string,
  newPassword: string,
): Promise<void> {
  const user = await ctx.state.accounts.recover(ctx, recoveryKey, username, newPassword);
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
  if (!(await ctx.state.accounts.checkPassword(ctx, currentPassword))) {
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
    // Last, inside the transaction: a password that cannot be kept rolls the flag back.
    await ctx.state.accounts.setPassword(ctx, m, ctx.user, newPassword);
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
  const recoveryKey = newRecoveryKey();
  await ctx.db.transaction(async (m) => {
    await m.update(Institution, { id: 1 }, { recoveryKeyConfirmed: false });
    await audit(m, ctx.now(), { action: 'auth.recoveryKey.replace', actorId: ctx.user.id });
    await ctx.state.accounts.setRecoveryKey(ctx, m, recoveryKey);
  });
  return recoveryKey;
}
