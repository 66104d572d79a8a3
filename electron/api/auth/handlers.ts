import type { HandlerMap } from '../context';
import {
  changePassword,
  confirmRecoveryKey,
  login,
  logout,
  recover,
  replaceRecoveryKey,
  sessionInfo,
  setup,
} from './service';

// Each call that opens or changes a session answers with the session as it now is.
export const authHandlers = {
  'auth.setup': async (input, ctx) => {
    const recoveryKey = await setup(ctx, input);
    return { recoveryKey, session: await sessionInfo(ctx) };
  },
  'auth.confirmRecoveryKey': (_input, ctx) => confirmRecoveryKey(ctx),
  'auth.newRecoveryKey': async (_input, ctx) => ({ recoveryKey: await replaceRecoveryKey(ctx) }),
  'auth.login': async (input, ctx) => {
    await login(ctx, input.username, input.password);
    return sessionInfo(ctx);
  },
  'auth.logout': (_input, ctx) => logout(ctx),
  'auth.changePassword': async (input, ctx) => {
    await changePassword(ctx, input.currentPassword, input.newPassword);
    return sessionInfo(ctx);
  },
  'auth.recover': async (input, ctx) => {
    await recover(ctx, input.recoveryKey, input.username, input.newPassword);
    return sessionInfo(ctx);
  },
} satisfies Partial<HandlerMap>;
