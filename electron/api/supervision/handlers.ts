import type { HandlerMap } from '../context';
import * as service from './service';

/** The deputy head's diary and journal checks (the rules' 3.8, 3.9, 3.12). */
export const supervisionHandlers = {
  'supervision.diary': (input, ctx) => service.diary(ctx, input.month),
  'supervision.diarySave': (input, ctx) => service.diarySave(ctx, input),
  'supervision.diaryDelete': (input, ctx) => service.diaryDelete(ctx, input.id),
  'supervision.checks': (input, ctx) => service.checks(ctx, input.groupId),
  'supervision.checkSave': (input, ctx) => service.checkSave(ctx, input),
  'supervision.checkDelete': (input, ctx) => service.checkDelete(ctx, input.id),
  'supervision.unchecked': (_input, ctx) => service.unchecked(ctx),
  'supervision.headCount': (_input, ctx) => service.headCount(ctx),
  'supervision.options': (_input, ctx) => service.options(ctx),
} satisfies Partial<HandlerMap>;
