import type { HandlerMap } from '../context';
import * as app from './service';

export const appHandlers = {
  'app.state': (_input, ctx) => app.state(ctx),
  'app.now': (_input, ctx) => app.now(ctx),
  'app.setLocale': (input, ctx) => app.setLocale(ctx, input.locale),
  'session.ping': async () => undefined,
  'test.setClock': (input, ctx) => app.setClock(ctx, input.now),
  'test.advanceClock': (input, ctx) => app.advanceClock(ctx, input.seconds),
} satisfies Partial<HandlerMap>;
