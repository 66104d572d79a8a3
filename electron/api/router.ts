import { contract, isMethod, type Method } from '../../common/contract';
import { DEFAULT_IDLE_MINUTES, MIN_IDLE_MINUTES } from '../../common/contract/settings';
import { AppError, type ApiErrorBody, type CallResult } from '../../common/errors';
import { message } from '../../common/messages';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, PERMISSIONS, TEST_ONLY } from '../../common/permissions';
import { validate } from '../../common/validation';
import { appHandlers } from './app/handlers';
import { assessmentHandlers } from './assessment/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import { calendarHandlers } from './calendar/handlers';
import { logout } from './auth/service';
import { Context, type HandlerMap } from './context';
import { peopleHandlers } from './people/handlers';
import { planningHandlers } from './planning/handlers';
import { releaseHandlers } from './release/handlers';
import { journalsHandlers } from './journals/handlers';
import { overviewHandlers } from './overview/handlers';
import { supervisionHandlers } from './supervision/handlers';
import { substitutionHandlers } from './substitution/handlers';
import { settingsHandlers } from './settings/handlers';
import { SessionState, type BackendOptions } from './session';
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
  ...overviewHandlers,
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
 * The one entry point of the API, shared by IPC and the loopback HTTP bridge:
 * session → permission → validation → handler → typed error in the user's language.
 * Calls run one at a time: the register has one user and one database connection.
 */
export class Router {
  readonly state: SessionState;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer?: NodeJS.Timeout;

  constructor(options: BackendOptions) {
    this.state = new SessionState(options);
    this.state.betweenCalls = (work) => this.serial(work);
  }

  /** Starts the timer that logs out an idle user even when the UI sends nothing. */
  startIdleWatch(intervalMs = 5000): void {
    this.idleTimer = setInterval(() => void this.serial(() => this.expireIdle()), intervalMs);
    this.idleTimer.unref();
  }

  async dispose(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    await this.serial(() => this.state.close());
  }

  call(method: string, input: unknown): Promise<CallResult> {
    return this.serial(() => this.dispatch(method, input));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** True when the session was closed for inactivity. */
  private async expireIdle(): Promise<boolean> {
    const { user } = this.state;
    if (!user || !this.state.isOpen()) return false;
    const idleMs = this.state.clock.now().getTime() - this.state.lastActivity;
    // Most calls come within a minute of the last: no setting can log them out, no query.
    if (idleMs < MIN_IDLE_MINUTES * 60_000) return false;
    const limit = (await this.idleMinutes()) * 60_000;
    if (idleMs < limit) return false;
    await logout(new Context(this.state), 'logout.idle');
    return true;
  }

  private async idleMinutes(): Promise<number> {
    const rows = await this.state.db.query<{ m: number }[]>(
      'SELECT idle_minutes AS m FROM institution WHERE id = 1',
    );
    return rows[0]?.m ?? DEFAULT_IDLE_MINUTES;
  }

  private async dispatch(method: string, input: unknown): Promise<CallResult> {
    const locale = this.state.locale;
    try {
      if (!isMethod(method)) {
        throw new AppError('UNKNOWN_METHOD', 'error.UNKNOWN_METHOD', {
          method: method.slice(0, 80),
        });
      }
      if (TEST_ONLY.has(method) && !this.state.testMode) throw new AppError('TEST_ONLY');
      const expired = await this.expireIdle();
      const access = PERMISSIONS[method];
      const user = this.state.user;
      if (access !== 'public') {
        if (!user) throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
        if (access !== 'session' && !access.includes(user.role)) throw new AppError('FORBIDDEN');
        if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
          throw new AppError('PASSWORD_CHANGE_REQUIRED');
        }
      }
      const parsed = validate(contract[method].input, input ?? {}, locale);
      if (!parsed.ok) throw new AppError('VALIDATION', 'error.VALIDATION', {}, parsed.fields);
      if (user && !PASSIVE.has(method)) this.state.touch();
      const handler = handlers[method] as (input: unknown, ctx: Context) => Promise<unknown>;
      const result = await handler(parsed.data, new Context(this.state));
      return { ok: true, result: result ?? null };
    } catch (err) {
      return { ok: false, error: this.render(err) };
    }
  }

  private render(err: unknown): ApiErrorBody {
    const locale = this.state.locale;
    if (err instanceof AppError) {
      const body: ApiErrorBody = { code: err.code, message: message(locale, err.key, err.params) };
      if (err.fields) {
        body.fields = Object.fromEntries(
          Object.entries(err.fields).map(([f, key]) => [f, message(locale, key)]),
        );
      }
      return body;
    }
    console.error('Unexpected error in API call:', err);
    return { code: 'INTERNAL', message: message(locale, 'error.INTERNAL') };
  }
}
