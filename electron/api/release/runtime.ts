import type { Updates } from './updates';

/**
 * What the program's start gives the API about itself (electron/main.ts, electron/web-cli.ts):
 * the updates (null where there is no updater: browser mode, tests) and this run's log file.
 */
export interface ReleaseRuntime {
  updates: Updates | null;
  logFile: string | null;
}

export const NO_RELEASE_RUNTIME: ReleaseRuntime = { updates: null, logFile: null };
