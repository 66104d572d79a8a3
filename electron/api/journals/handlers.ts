import type { HandlerMap } from '../context';
import * as service from './service';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export const journalsHandlers = {
  'journals.entries': (input, ctx) => service.entries(ctx, input.from, input.to),
  'journals.waiting': (_input, ctx) => service.waiting(ctx),
  'journals.children': (input, ctx) => service.writableChildren(ctx, input.date),
  'journals.saveEntry': (input, ctx) => service.saveEntry(ctx, input),
  'journals.deleteEntry': (input, ctx) => service.deleteEntry(ctx, input.id),
  'journals.talks': (input, ctx) => service.talks(ctx, input.from, input.to),
  'journals.saveTalk': (input, ctx) => service.saveTalk(ctx, input),
  'journals.deleteTalk': (input, ctx) => service.deleteTalk(ctx, input.id),
} satisfies Partial<HandlerMap>;
