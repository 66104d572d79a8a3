import { contract, isMethod, type Method } from '../../common/contract';
import { DEFAULT_IDLE_MINUTES, MIN_IDLE_MINUTES } from '../../common/contract/settings';
import { AppError, type ApiErrorBody, type CallResult } from '../../common/errors';
import type { Locale } from '../../common/locale';
import { message } from '../../common/messages';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, PERMISSIONS, TEST_ONLY } from '../../common/permissions';
import { validate } from '../../common/validation';
import { appHandlers } from './app/handlers';
import { assessmentHandlers } from './assessment/handlers';
import { auditHandlers } from './audit/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { calendarHandlers } from './calendar/handlers';
import { clientHandlers } from './client/handlers';
import { logout } from './auth/service';
import { Context, type HandlerMap } from './context';
import { driverError } from './driver-errors';
import { peopleHandlers } from './people/handlers';
import { planningHandlers } from './planning/handlers';
import { privacyHandlers } from './privacy/handlers';
import { releaseHandlers } from './release/handlers';
import { journalsHandlers } from './journals/handlers';
import { mailHandlers } from './mail/handlers';
import { overviewHandlers } from './overview/handlers';
import { supervisionHandlers } from './supervision/handlers';
import { substitutionHandlers } from './substitution/handlers';
import { settingsHandlers } from './settings/handlers';
import { safeText } from './safe-log';
import type { SessionState } from './session';
import { usersHandlers } from './users/handlers';

const handlers: HandlerMap = {
  ...appHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...peopleHandlers,
  ...attendanceHandlers,
  ...calendarHandlers,
  ...planningHandlers,
  ...assessmentHandlers,
  ...journalsHandlers,
  ...supervisionHandlers,
  ...substitutionHandlers,
  ...backupHandlers,
  ...releaseHandlers,
  ...clientHandlers,
  ...mailHandlers,
  ...overviewHandlers,
  ...auditHandlers,
  ...privacyHandlers,
};

/** Calls that read state without counting as the user doing something. */
const PASSIVE: ReadonlySet<Method> = new Set<Method>([
  'app.state',
  'app.now',
  // Sent when a form's state changes, not because the user acted (its typing pings anyway).
  'session.setDirty',
  'test.setClock',
  'test.advanceClock',
]);

/**
 * One call of one session, the same for the single-PC router and the server's sessions:
 * session → permission → validation → handler → typed error in the session's language.
 * Who runs calls one at a time (a PC, a server session) is the caller's business.
 */
export async function dispatch(
  state: SessionState,
  method: string,
  input: unknown,
): Promise<CallResult> {
  try {
    if (!isMethod(method)) {
      throw new AppError('UNKNOWN_METHOD', 'error.UNKNOWN_METHOD', {
        method: method.slice(0, 80),
      });
    }
    if (TEST_ONLY.has(method) && !state.testMode) throw new AppError('TEST_ONLY');
    const expired = await expireIdle(state);
    const access = PERMISSIONS[method];
    const user = state.user;
    if (access !== 'public') {
      if (!user) throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      if (access !== 'session' && !access.includes(user.role)) throw new AppError('FORBIDDEN');
      if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED');
      }
    }
    const parsed = validate(contract[method].input, input ?? {}, state.locale);
    if (!parsed.ok) throw new AppError('VALIDATION', 'error.VALIDATION', {}, parsed.fields);
    if (user && !PASSIVE.has(method)) state.touch();
    const handler = handlers[method] as (input: unknown, ctx: Context) => Promise<unknown>;
    const result = await handler(parsed.data, new Context(state));
    return { ok: true, result: result ?? null };
  } catch (err) {
    return { ok: false, error: renderError(err, state.locale) };
  }
}

/** True when the session was closed for inactivity (its logout audited). */
export async function expireIdle(state: SessionState): Promise<boolean> {
  const { user } = state;
  if (!user || !state.isOpen()) return false;
  const idleMs = state.clock.now().getTime() - state.lastActivity;
  const cap = state.register.maxIdleMinutes ?? Infinity;
  // Most calls come within a minute of the last: no setting can log them out, no query.
  if (idleMs < Math.min(MIN_IDLE_MINUTES, cap) * 60_000) return false;
  const limit = Math.min(await idleMinutes(state), cap) * 60_000;
  if (idleMs < limit) return false;
  await logout(new Context(state), 'auth.session.expire');
  return true;
}

async function idleMinutes(state: SessionState): Promise<number> {
  const rows = await state.db.query<{ m: number }[]>(
    'SELECT idle_minutes AS m FROM institution WHERE id = 1',
  );
  return rows[0]?.m ?? DEFAULT_IDLE_MINUTES;
}

/** An error as the client sees it: the code and the message in its language, nothing internal. */
export function renderError(err: unknown, locale: Locale): ApiErrorBody {
  const known = err instanceof AppError ? err : driverError(err);
  if (known) {
    const body: ApiErrorBody = {
      code: known.code,
      message: message(locale, known.key, known.params),
    };
    if (known.fields) {
      body.fields = Object.fromEntries(
        Object.entries(known.fields).map(([f, key]) => [f, message(locale, key)]),
      );
    }
    return body;
  }
  console.error('Unexpected error in API call:', safeText(err));
  return { code: 'INTERNAL', message: message(locale, 'error.INTERNAL') };
}
