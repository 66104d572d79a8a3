import type { AppState, Now } from '../../../common/contract';
import type { Locale } from '../../../common/locale';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { sessionInfo } from '../auth/service';
import { rigaDate, TestClock } from '../clock';
import type { Context } from '../context';

/** What the program is doing before and around a session: its phase, clock and language. */

export async function state(ctx: Context): Promise<AppState> {
  const { phase, problem } = await ctx.state.phase();
  const out: AppState = { phase, locale: ctx.state.locale, testMode: ctx.state.testMode };
  if (problem) out.problem = message(ctx.state.locale, problem.key, problem.params);
  if (phase === 'unlocked') out.session = await sessionInfo(ctx);
  return out;
}

/** One reading of the clock, so the instant and its date agree. */
export async function now(ctx: Context): Promise<Now> {
  const instant = ctx.now();
  return { now: instant.toISOString(), today: rigaDate(instant) };
}

export async function setLocale(ctx: Context, locale: Locale): Promise<void> {
  ctx.state.locale = locale;
}

/** The clock that tests move; the router refuses these calls without --test as well. */
function testClock(ctx: Context): TestClock {
  if (!(ctx.state.clock instanceof TestClock)) throw new AppError('TEST_ONLY');
  return ctx.state.clock;
}

export async function setClock(ctx: Context, instant: string): Promise<Now> {
  testClock(ctx).set(new Date(instant));
  return now(ctx);
}

export async function advanceClock(ctx: Context, seconds: number): Promise<Now> {
  testClock(ctx).advance(seconds);
  return now(ctx);
}
