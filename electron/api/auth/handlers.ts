import { Institution } from '../../../database/entities';
import { audit } from '../audit/audit';
import type { HandlerMap } from '../context';
import {
  changePassword,
  login,
  logout,
  recover,
  replaceRecoveryKey,
  sessionInfo,
  setup,
} from './service';

export const authHandlers = {
  'auth.setup': async (input, ctx) => {
    const recoveryKey = await setup(ctx, input);
    return { recoveryKey, session: await sessionInfo(ctx) };
  },
  'auth.confirmRecoveryKey': async (_input, ctx) => {
    await ctx.db.transaction(async (m) => {
      await m.update(Institution, { id: 1 }, { recoveryKeyConfirmed: true });
      await audit(m, ctx.now(), { action: 'recoveryKey.confirm', actorId: ctx.user.id });
    });
    return sessionInfo(ctx);
  },
  'auth.newRecoveryKey': async (_input, ctx) => ({ recoveryKey: await replaceRecoveryKey(ctx) }),
  'auth.login': async (input, ctx) => {
    await login(ctx, input.username, input.password);
    return sessionInfo(ctx);
  },
  'auth.logout': async (_input, ctx) => logout(ctx),
  'auth.changePassword': async (input, ctx) => {
    await changePassword(ctx, input.currentPassword, input.newPassword);
    return sessionInfo(ctx);
  },
  'auth.recover': async (input, ctx) => {
    await recover(ctx, input.recoveryKey, input.username, input.newPassword);
    return sessionInfo(ctx);
  },
} satisfies Partial<HandlerMap>;
