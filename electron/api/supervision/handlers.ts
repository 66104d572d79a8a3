import type { HandlerMap } from '../context';
import * as checkList from './check-list';
import * as checks from './checks';
import * as diary from './diary';

/** The deputy head's diary and journal checks (the rules' 3.8, 3.9, 3.12). */
export const supervisionHandlers = {
  'supervision.diary': (input, ctx) => diary.list(ctx, input),
  'supervision.diarySave': (input, ctx) => diary.save(ctx, input),
  'supervision.diaryDelete': (input, ctx) => diary.remove(ctx, input.id),
  'supervision.checks': (input, ctx) => checkList.list(ctx, input),
  'supervision.checkSave': (input, ctx) => checks.save(ctx, input),
  'supervision.checkDelete': (input, ctx) => checks.remove(ctx, input.id),
  'supervision.unchecked': (_input, ctx) => checks.unchecked(ctx),
  'supervision.headCount': (_input, ctx) => checks.headCount(ctx),
  'supervision.options': (_input, ctx) => checks.options(ctx),
} satisfies Partial<HandlerMap>;
