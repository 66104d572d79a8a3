import type { HandlerMap } from '../context';
import * as children from './children';
import * as entries from './entries';
import * as talks from './talks';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export const journalsHandlers = {
  'journals.entries': (input, ctx) => entries.list(ctx, input.from, input.to),
  'journals.waiting': (_input, ctx) => entries.waiting(ctx),
  'journals.children': (input, ctx) => children.writable(ctx, input.date),
  'journals.saveEntry': (input, ctx) => entries.save(ctx, input),
  'journals.deleteEntry': (input, ctx) => entries.remove(ctx, input.id),
  'journals.talks': (input, ctx) => talks.list(ctx, input.from, input.to),
  'journals.saveTalk': (input, ctx) => talks.save(ctx, input),
  'journals.deleteTalk': (input, ctx) => talks.remove(ctx, input.id),
} satisfies Partial<HandlerMap>;
