import type { HandlerMap } from '../context';
import { anonymise } from './anonymise';
import { childExport } from './child-export';
import { acknowledge } from './notice';
import { retention, setRetention } from './retention';

export const privacyHandlers = {
  'privacy.childExport': (input, ctx) => childExport(ctx, input.childId),
  'privacy.retention': (input, ctx) => retention(ctx, input),
  'privacy.setRetention': (input, ctx) => setRetention(ctx, input),
  'privacy.anonymise': (input, ctx) => anonymise(ctx, input),
  'privacy.acknowledge': (input, ctx) => acknowledge(ctx, input.version),
} satisfies Partial<HandlerMap>;
