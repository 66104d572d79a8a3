import type { HandlerMap } from '../context';
import { planPdf, progressPdf } from './pdf';
import * as service from './service';

export const planningHandlers = {
  'planning.overview': (input, ctx) => service.overview(ctx, input.month),
  'planning.list': (_input, ctx) => service.listPlans(ctx),
  'planning.plan': (input, ctx) =>
    service.planDetail(ctx.db.manager, ctx, input.groupId, input.month),
  'planning.saveTopic': (input, ctx) => service.saveTopic(ctx, input),
  'planning.deleteTopic': (input, ctx) => service.deleteTopic(ctx, input.topicId),
  'planning.submit': (input, ctx) => service.submit(ctx, input.planId),
  'planning.versions': (input, ctx) => service.versions(ctx, input.planId),
  'planning.copy': (input, ctx) => service.copy(ctx, input),
  'planning.planPdf': async (input, ctx) =>
    planPdf(ctx, await service.planForPdf(ctx, input.planId)),
  'planning.sheet': (input, ctx) => service.sheet(ctx.db.manager, ctx, input.topicId),
  'planning.mark': (input, ctx) => service.mark(ctx, input),
  'planning.markHistory': (input, ctx) => service.markHistory(ctx, input.topicId),
  'planning.later': (input, ctx) => service.later(ctx, input.groupId),
  'planning.progress': (input, ctx) => service.progress(ctx, input),
  'planning.progressPdf': async (input, ctx) =>
    progressPdf(ctx, await service.progress(ctx, input)),
} satisfies Partial<HandlerMap>;
