import type { HandlerMap } from '../context';
import * as settings from './service';

export const settingsHandlers = {
  'settings.get': (_input, ctx) => settings.get(ctx),
  'settings.update': (input, ctx) => settings.update(ctx, input),
} satisfies Partial<HandlerMap>;
