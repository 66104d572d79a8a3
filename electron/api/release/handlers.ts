import type { HandlerMap } from '../context';
import { about, checkNow, install, setDirty, updateStatus } from './service';

export const releaseHandlers = {
  'app.about': async (_input, ctx) => about(ctx),
  'session.setDirty': async (input, ctx) => setDirty(ctx, input.windowId, input.dirty),
  'update.status': async (_input, ctx) => updateStatus(ctx.state),
  'update.check': async (_input, ctx) => checkNow(ctx),
  'update.install': async (input, ctx) => install(ctx, input.when),
} satisfies Partial<HandlerMap>;
