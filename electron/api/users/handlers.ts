import type { UserSummary } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { User } from '../../../database/entities';
import { KeySlotFile } from '../../../database/keyslots';
import { audit } from '../audit/audit';
import type { Context, HandlerMap } from '../context';
import type { EntityManager } from 'typeorm';

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

/** The deputy manages teachers' accounts only (the rules' 2.1); the head manages every one. */
function mayManage(ctx: Context, role: User['role']): boolean {
  return ctx.user.role === 'head' || role === 'teacher';
}

async function findManaged(m: EntityManager, ctx: Context, userId: number): Promise<User> {
  const user = await m.findOneBy(User, { id: userId });
  if (!user) throw new AppError('NOT_FOUND');
  if (!mayManage(ctx, user.role)) throw new AppError('FORBIDDEN');
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

export const usersHandlers = {
  'users.list': async (_input, ctx) => {
    const users = await ctx.db.getRepository(User).find();
    return users
      .filter((u) => mayManage(ctx, u.role))
      .map(summary)
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'lv'));
  },
  'users.create': async (input, ctx) => {
    if (!mayManage(ctx, input.role)) {
      throw new AppError(
        'VALIDATION',
        'error.VALIDATION',
        {},
        { role: 'users.deputyTeachersOnly' },
      );
    }
    const slots = await KeySlotFile.load(ctx.state.dataDir);
    return ctx.db.transaction(async (m) => {
      if (await m.existsBy(User, { username: input.username })) {
        throw new AppError(
          'VALIDATION',
          'error.VALIDATION',
          {},
          { username: 'users.usernameTaken' },
        );
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
        action: 'user.create',
        actorId: ctx.user.id,
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, fullName: user.fullName, role: user.role },
      });
      await slots.setUserSlot(ctx.state.masterKey, user, input.temporaryPassword, ctx.state.scrypt);
      await slots.save(); // last: if the slot cannot be written the account is rolled back
      return summary(user);
    });
  },
  'users.update': async (input, ctx) =>
    ctx.db.transaction(async (m) => {
      const user = await findManaged(m, ctx, input.userId);
      if (!mayManage(ctx, input.role)) {
        throw new AppError(
          'VALIDATION',
          'error.VALIDATION',
          {},
          { role: 'users.deputyTeachersOnly' },
        );
      }
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
        action: 'user.update',
        actorId: ctx.user.id,
        entity: 'user',
        entityId: user.id,
        before,
        after: { fullName: input.fullName, role: input.role },
      });
      return summary({ ...user, fullName: input.fullName, role: input.role });
    }),
  'users.deactivate': async (input, ctx) => {
    const slots = await KeySlotFile.load(ctx.state.dataDir);
    return ctx.db.transaction(async (m) => {
      const user = await findManaged(m, ctx, input.userId);
      if (!user.active) return summary(user);
      if (user.id === ctx.user.id) throw new AppError('CONFLICT', 'users.notSelf');
      if (user.role === 'head' && (await otherActiveHeads(m, user.id)) === 0) {
        throw new AppError('CONFLICT', 'users.lastHead');
      }
      await m.update(User, { id: user.id }, { active: false });
      await audit(m, ctx.now(), {
        action: 'user.deactivate',
        actorId: ctx.user.id,
        entity: 'user',
        entityId: user.id,
        before: { active: true },
        after: { active: false },
      });
      slots.removeUserSlot(user.id);
      await slots.save(); // last: if the slot file cannot be written the flag is rolled back
      return summary({ ...user, active: false });
    });
  },
  'users.resetPassword': async (input, ctx) => {
    const slots = await KeySlotFile.load(ctx.state.dataDir);
    await ctx.db.transaction(async (m) => {
      const user = await m.findOneBy(User, { id: input.userId });
      if (!user || !user.active) throw new AppError('NOT_FOUND');
      await m.update(User, { id: user.id }, { mustChangePassword: true });
      await audit(m, ctx.now(), {
        action: 'password.reset',
        actorId: ctx.user.id,
        entity: 'user',
        entityId: user.id,
      });
      await slots.setUserSlot(ctx.state.masterKey, user, input.temporaryPassword, ctx.state.scrypt);
      slots.setLockout(user.username, { failures: 0 });
      await slots.save();
    });
  },
} satisfies Partial<HandlerMap>;
