import type { HandlerMap } from '../context';
import * as children from './children';
import * as entries from './entries';
import * as lists from './lists';
import * as talks from './talks';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export const journalsHandlers = {
  'journals.entries': (input, ctx) => lists.entries(ctx, input),
  'journals.waiting': (input, ctx) => lists.waiting(ctx, input),
  'journals.children': (input, ctx) => children.writable(ctx, input.date),
  'journals.saveEntry': (input, ctx) => entries.save(ctx, input),
  'journals.deleteEntry': (input, ctx) => entries.remove(ctx, input.id),
  'journals.talks': (input, ctx) => lists.talks(ctx, input),
  'journals.saveTalk': (input, ctx) => talks.save(ctx, input),
  'journals.deleteTalk': (input, ctx) => talks.remove(ctx, input.id),
} satisfies Partial<HandlerMap>;
