import type { AppState } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { sessionInfo } from '../auth/service';
import { rigaDate, TestClock } from '../clock';
import type { Context, HandlerMap } from '../context';

function now(ctx: Context) {
  const instant = ctx.now();
  return { now: instant.toISOString(), today: rigaDate(instant) };
}

function testClock(ctx: Context): TestClock {
  if (!(ctx.state.clock instanceof TestClock)) throw new AppError('TEST_ONLY');
  return ctx.state.clock;
}

export const appHandlers = {
  'app.state': async (_input, ctx) => {
    const { phase, problem } = await ctx.state.phase();
    const state: AppState = { phase, locale: ctx.state.locale, testMode: ctx.state.testMode };
    if (problem) state.problem = message(ctx.state.locale, problem.key, problem.params);
    if (phase === 'unlocked') state.session = await sessionInfo(ctx);
    return state;
  },
  'app.now': async (_input, ctx) => now(ctx),
  'app.setLocale': async (input, ctx) => {
    ctx.state.locale = input.locale;
  },
  'session.ping': async () => undefined,
  'test.setClock': async (input, ctx) => {
    testClock(ctx).set(new Date(input.now));
    return now(ctx);
  },
  'test.advanceClock': async (input, ctx) => {
    testClock(ctx).advance(input.seconds);
    return now(ctx);
  },
} satisfies Partial<HandlerMap>;
