import type { HandlerMap } from '../context';
import { copy } from './copy';
import * as lists from './lists';
import { planPdf } from './pdf';
import * as plans from './plans';
import * as topics from './topics';
import { versions } from './versions';

export const planningHandlers = {
  'planning.overview': (input, ctx) => lists.overview(ctx, input),
  'planning.list': (input, ctx) => lists.listPlans(ctx, input),
  'planning.plan': (input, ctx) =>
    plans.planDetail(ctx.db.manager, ctx, input.groupId, input.month),
  'planning.saveTopic': (input, ctx) => topics.saveTopic(ctx, input),
  'planning.deleteTopic': (input, ctx) => topics.deleteTopic(ctx, input.topicId),
  'planning.submit': (input, ctx) => topics.submit(ctx, input.planId),
  'planning.versions': (input, ctx) => versions(ctx, input.planId),
  'planning.copy': (input, ctx) => copy(ctx, input),
  'planning.planPdf': async (input, ctx) => planPdf(ctx, await plans.planById(ctx, input.planId)),
} satisfies Partial<HandlerMap>;
