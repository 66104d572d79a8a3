import type { EntityManager } from 'typeorm';
import type { ParsedInput, UserSummary } from '../../../common/contract';
import { mayManageRole } from '../../../common/access-scope';
import { AppError } from '../../../common/errors';
import { User } from '../../../database/entities';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';

/**
 * Staff accounts (the rules' 2.1): the head manages every account, the deputy teachers' only
 * (MANAGED_ROLES in common/access-scope.ts). An account's password (a key slot on one PC, a
 * hash on a server: ../auth/accounts.ts) is written last, inside the transaction, so a password
 * that cannot be kept rolls the account back.
 */

function summary(user: User): UserSummary {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}

const roleRefused = () =>
  new AppError('VALIDATION', 'error.VALIDATION', {}, { role: 'users.deputyTeachersOnly' });

async function findManaged(m: EntityManager, ctx: Context, userId: number): Promise<User> {
  const user = await m.findOneBy(User, { id: userId });
  if (!user) throw new AppError('NOT_FOUND');
  if (!mayManageRole(ctx.user.role, user.role)) throw new AppError('FORBIDDEN');
  return user;
}

async function otherActiveHeads(m: EntityManager, userId: number): Promise<number> {
  return m
    .createQueryBuilder(User, 'u')
    .where('u.role = :role AND u.active = :active AND u.id != :id', {
      role: 'head',
      active: true,
      id: userId,
    })
    .getCount();
}

/** The accounts she manages, by name. */
export async function list(ctx: Context): Promise<UserSummary[]> {
  const users = await ctx.db.getRepository(User).find();
  return users
    .filter((u) => mayManageRole(ctx.user.role, u.role))
    .map(summary)
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'lv'));
}

/** A new account with a temporary password, to be changed at the first login. */
export async function create(
  ctx: Context,
  input: ParsedInput<'users.create'>,
): Promise<UserSummary> {
  if (!mayManageRole(ctx.user.role, input.role)) throw roleRefused();
  return ctx.db.transaction(async (m) => {
    if (await m.existsBy(User, { username: input.username })) {
      throw new AppError('VALIDATION', 'error.VALIDATION', {}, { username: 'users.usernameTaken' });
    }
    const user = await m.save(
      m.create(User, {
        username: input.username,
        fullName: input.fullName,
        role: input.role,
        active: true,
        mustChangePassword: true,
        createdAt: ctx.now().toISOString(),
        passwordChangedAt: null,
      }),
    );
    await audit(m, ctx.now(), {
      action: 'users.account.create',
      actorId: ctx.user.id,
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, fullName: user.fullName, role: user.role },
    });
    await ctx.state.accounts.setPassword(ctx, m, user, input.temporaryPassword); // last
    return summary(user);
  });
}

/** Name and role; the last active head keeps her role. */
export function update(ctx: Context, input: ParsedInput<'users.update'>): Promise<UserSummary> {
  return ctx.db.transaction(async (m) => {
    const user = await findManaged(m, ctx, input.userId);
    if (!mayManageRole(ctx.user.role, input.role)) throw roleRefused();
    if (
      user.role === 'head' &&
      input.role !== 'head' &&
      user.active &&
      (await otherActiveHeads(m, user.id)) === 0
    ) {
      throw new AppError('VALIDATION', 'error.VALIDATION', {}, { role: 'users.lastHead' });
    }
    const before = { fullName: user.fullName, role: user.role };
    await m.update(User, { id: user.id }, { fullName: input.fullName, role: input.role });
    await audit(m, ctx.now(), {
      action: 'users.account.update',
      actorId: ctx.user.id,
      entity: 'user',
      entityId: user.id,
      ...changedFields(before, { fullName: input.fullName, role: input.role }),
    });
    return summary({ ...user, fullName: input.fullName, role: input.role });
  });
}

/** Closes an account and removes its key slot; never her own, never the last head's. */
export async function deactivate(ctx: Context, userId: number): Promise<UserSummary> {
  return ctx.db.transaction(async (m) => {
    const user = await findManaged(m, ctx, userId);
    if (!user.active) return summary(user);
    if (user.id === ctx.user.id) throw new AppError('CONFLICT', 'users.notSelf');
    if (user.role === 'head' && (await otherActiveHeads(m, user.id)) === 0) {
      throw new AppError('CONFLICT', 'users.lastHead');
    }
    await m.update(User, { id: user.id }, { active: false });
    await audit(m, ctx.now(), {
      action: 'users.account.deactivate',
      actorId: ctx.user.id,
      entity: 'user',
      entityId: user.id,
      before: { active: true },
      after: { active: false },
    });
    await ctx.state.accounts.removePassword(ctx, m, user.id); // last: a failure rolls back the flag
    return summary({ ...user, active: false });
  });
}

/** A temporary password (the head's call) and a clean failed-login count. */
export async function resetPassword(
  ctx: Context,
  input: ParsedInput<'users.resetPassword'>,
): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const user = await m.findOneBy(User, { id: input.userId });
    if (!user || !user.active) throw new AppError('NOT_FOUND');
    await m.update(User, { id: user.id }, { mustChangePassword: true });
    await audit(m, ctx.now(), {
      action: 'users.password.reset',
      actorId: ctx.user.id,
      entity: 'user',
      entityId: user.id,
    });
    await ctx.state.accounts.setPassword(ctx, m, user, input.temporaryPassword, {
      resetLockout: true,
    });
  });
}
