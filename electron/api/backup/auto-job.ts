import type { SessionState } from '../session';

/**
 * The automatic backup going on after the login that started it, per session: what the head's
 * home screen shows (backup.status) and what a second start or the exit backup waits for.
 */
export interface AutoBackupJob {
  startedAt: string;
  /** The part of the snapshot compressed and encrypted so far (0..1). */
  fraction: number;
  /** Settles when the backup is written and its outcome recorded (or given up). */
  done: Promise<void>;
}

export const autoBackupJobs = new WeakMap<SessionState, AutoBackupJob>();

/** The running automatic backup's progress, or null when none runs. */
export function autoBackupProgress(
  state: SessionState,
): { startedAt: string; fraction: number } | null {
  const job = autoBackupJobs.get(state);
  return job ? { startedAt: job.startedAt, fraction: job.fraction } : null;
}
