import type { HandlerMap } from '../context';
import { history } from './history';
import { later } from './later';
import { mark } from './marks';
import { progressPdf } from './pdf';
import { progress } from './progress';
import { sheet } from './sheet';

export const assessmentHandlers = {
  'assessment.sheet': (input, ctx) => sheet(ctx.db.manager, ctx, input.topicId),
  'assessment.mark': (input, ctx) => mark(ctx, input),
  'assessment.history': (input, ctx) => history(ctx, input.topicId),
  'assessment.later': (input, ctx) => later(ctx, input),
  'assessment.progress': (input, ctx) => progress(ctx, input),
  'assessment.progressPdf': async (input, ctx) => progressPdf(ctx, await progress(ctx, input)),
} satisfies Partial<HandlerMap>;
