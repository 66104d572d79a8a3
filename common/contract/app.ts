import { z } from 'zod';
import { LOCALES } from '../locale';
import { method, type Permissions } from './define';
import type { SessionInfo } from './auth';

export type AppPhase = 'setup' | 'locked' | 'unlocked' | 'error';

export interface AppState {
  phase: AppPhase;
  /** Why the data folder cannot be used (phase 'error'), in the session's language. */
  problem?: string;
  session?: SessionInfo;
  locale: (typeof LOCALES)[number];
  testMode: boolean;
  /** The kindergarten's server this PC works with (its address); absent when the PC keeps it. */
  server?: string;
}

export interface Now {
  /** UTC instant, ISO 8601. */
  now: string;
  /** The kindergarten's calendar date (Europe/Riga), YYYY-MM-DD. */
  today: string;
}

const empty = z.object({}).strict();

export const appContract = {
  /** What the renderer should show; does not count as user activity. */
  'app.state': method<AppState>()(empty),
  /** The backend's clock: the UI never trusts the browser's. */
  'app.now': method<Now>()(empty),
  'app.setLocale': method<void>()(z.object({ locale: z.enum(LOCALES) }).strict()),
  /** A user action happened in the UI (keeps the idle timer from logging out). */
  'session.ping': method<void>()(empty),
  /** Test mode only: set or move the backend clock. */
  'test.setClock': method<Now>()(z.object({ now: z.string().datetime({ offset: true }) }).strict()),
  'test.advanceClock': method<Now>()(
    z
      .object({
        seconds: z
          .number()
          .int()
          .min(0)
          .max(366 * 24 * 3600),
      })
      .strict(),
  ),
};

export const appPermissions: Permissions<typeof appContract> = {
  'app.state': 'public',
  'app.now': 'public',
  'app.setLocale': 'public',
  'session.ping': 'session',
  'test.setClock': 'public',
  'test.advanceClock': 'public',
};
