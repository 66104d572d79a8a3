import { z } from 'zod';
import { method, type Permissions } from './define';

/**
 * Where the program's updates stand (electron/api/release/updates.ts):
 * off — no updater in this build (browser mode, a development start); unset — no update address
 * configured; refused — the address is not HTTPS; idle — not checked yet; checking; current — no
 * newer version; downloading; ready — downloaded, waiting for the head's choice; failed.
 */
export const UPDATE_PHASES = [
  'off',
  'unset',
  'refused',
  'idle',
  'checking',
  'current',
  'downloading',
  'ready',
  'failed',
] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

export interface UpdateStatus {
  phase: UpdatePhase;
  /** The running program's version. */
  installed: string;
  /** The newer version found (downloading, ready). */
  available: string | null;
  /** Percent downloaded, while downloading. */
  progress: number | null;
  /** When the last check finished (UTC instant). */
  checkedAt: string | null;
  /** Why the last check failed: the feed could not be reached, or the download broke. */
  failure: 'offline' | 'download' | null;
  /**
   * The head's choice once a version is ready: at the next start, or now — 'waiting' while
   * someone still has unsaved input (it installs as soon as nobody has).
   */
  install: 'next-start' | 'waiting' | null;
}

/** The About screen; the same facts open the application log. */
export interface AboutInfo {
  programVersion: string;
  /** Migrations applied to the open database. */
  schemaVersion: number;
  dataDir: string;
  /** The application log of this run (null where none is kept). */
  logFile: string | null;
  update: UpdateStatus;
}

const empty = z.object({}).strict();

export const releaseContract = {
  'app.about': method<AboutInfo>()(empty),
  /**
   * A window's unsaved-input state changed (renderer/src/dirty.ts). An update is never installed
   * while any window of the logged-in session has unsaved input.
   */
  'session.setDirty': method<void>()(
    z
      .object({
        windowId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'v.invalid'),
        dirty: z.boolean(),
      })
      .strict(),
  ),
  'update.status': method<UpdateStatus>()(empty),
  'update.check': method<UpdateStatus>()(empty),
  'update.install': method<UpdateStatus>()(
    z.object({ when: z.enum(['next-start', 'now']) }).strict(),
  ),
};

export const releasePermissions: Permissions<typeof releaseContract> = {
  'app.about': 'session',
  'session.setDirty': 'session',
  // Only the head is told of a new version and decides when it installs.
  'update.status': ['head'],
  'update.check': ['head'],
  'update.install': ['head'],
};
