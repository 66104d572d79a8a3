import type { HandlerMap } from '../context';
import * as calendar from './service';

export const calendarHandlers = {
  'calendar.list': (input, ctx) => calendar.list(ctx, input.year),
  'calendar.add': (input, ctx) => calendar.add(ctx, input),
  'calendar.remove': (input, ctx) => calendar.remove(ctx, input.id),
} satisfies Partial<HandlerMap>;
