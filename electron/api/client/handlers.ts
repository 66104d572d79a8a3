import { AppError } from '../../../common/errors';
import type { HandlerMap } from '../context';

/**
 * A PC chooses its server at first run, in its own main process (electron/client/backend.ts),
 * before any router hears of it. A router that receives the call keeps or serves a register
 * already: the choice is made.
 */
export const clientHandlers = {
  'client.connect': async () => {
    throw new AppError('CONFLICT', 'server.choiceDone');
  },
} satisfies Partial<HandlerMap>;
