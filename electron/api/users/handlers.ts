import type { UserSummary } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { User } from '../../../database/entities';
import { KeySlotFile } from '../../../database/keyslots';
import { audit } from '../audit/audit';
import type { HandlerMap } from '../context';

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

export const usersHandlers = {
  'users.list': async (_input, ctx) => {
    const users = await ctx.db.getRepository(User).find();
    return users.map(summary).sort((a, b) => a.fullName.localeCompare(b.fullName, 'lv'));
  },
  'users.create': async (input, ctx) => {
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
