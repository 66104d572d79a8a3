import type { HandlerMap } from '../context';
import { exportXlsx, list, options } from './service';

/** The audit viewer: reads and an export; no handler edits or deletes an event. */
export const auditHandlers = {
  'audit.list': (input, ctx) => list(ctx, input),
  'audit.export': (input, ctx) => exportXlsx(ctx, input),
  'audit.options': (_input, ctx) => options(ctx),
} satisfies Partial<HandlerMap>;
