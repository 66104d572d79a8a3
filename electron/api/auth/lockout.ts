import type { LockoutState } from '../../../database/keyslots';

/** Failures allowed before the first lockout. */
export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_S = 30;

/** Seconds left on a lockout, 0 when attempts are allowed. */
export function lockSecondsLeft(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 1000));
}

/**
 * One more failure. From the fifth on, each failure locks the name for a delay that doubles:
 * 30 s, 1 min, 2 min, 4 min … (capped at a day), until a successful login resets it.
 */
export function registerFailure(
  state: LockoutState,
  now: Date,
): LockoutState & { lockedFor: number } {
  const failures = state.failures + 1;
  if (failures < FREE_ATTEMPTS) return { failures, lockedFor: 0 };
  const lockedFor = Math.min(FIRST_DELAY_S * 2 ** (failures - FREE_ATTEMPTS), 24 * 3600);
  return {
    failures,
    lockedUntil: new Date(now.getTime() + lockedFor * 1000).toISOString(),
    lockedFor,
  };
}
