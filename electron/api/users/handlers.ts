import type { HandlerMap } from '../context';
import * as users from './service';

export const usersHandlers = {
  'users.list': (input, ctx) => users.list(ctx, input),
  'users.create': (input, ctx) => users.create(ctx, input),
  'users.update': (input, ctx) => users.update(ctx, input),
  'users.deactivate': (input, ctx) => users.deactivate(ctx, input.userId),
  'users.resetPassword': (input, ctx) => users.resetPassword(ctx, input),
} satisfies Partial<HandlerMap>;
