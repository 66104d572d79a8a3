import type { HandlerMap } from '../context';
import * as substitutions from './list';
import * as service from './service';

/** Substitutes: teacher X works in teacher Y's group for a period (the rules' 3.11). */
export const substitutionHandlers = {
  'substitution.list': (input, ctx) => substitutions.list(ctx, input),
  'substitution.options': (input, ctx) => service.options(ctx, input.fromDate, input.toDate),
  'substitution.create': (input, ctx) => service.create(ctx, input),
  'substitution.end': (input, ctx) => service.end(ctx, input.id),
  'substitution.entries': (input, ctx) => service.entries(ctx, input.id),
} satisfies Partial<HandlerMap>;
