import { markRaw } from 'vue';
import { addMonths } from '../../../../common/dates';
import type { AttendanceGroup, AttendanceMonth } from '../../../../common/contract/attendance';
import type { useAttendanceStore } from '../../stores/attendance';

/** A month's groups and the chosen group's grid, as the month screen asks for them together. */
export type MonthAnswer = [
  PromiseSettledResult<AttendanceGroup[]>,
  PromiseSettledResult<AttendanceMonth | null>,
];

/** Older than this, a month asked for ahead is asked for again instead of shown first. */
const MAX_AGE_MS = 5 * 60_000;

/**
 * The months near the shown one, asked for while the person looks at it, so the step back or
 * forward paints without waiting for the backend. What is shown from here is asked for again at
 * once (`fresh`), and the grid is redrawn if it changed meanwhile (another PC, the nurse).
 * The grids are plain data (markRaw): the screen only reads them, and a proxy per cell made
 * every read of a month tracked.
 */
export function monthAhead(store: ReturnType<typeof useAttendanceStore>) {
  const kept = new Map<string, { at: number; answer: Promise<MonthAnswer> }>();
  const keyOf = (groupId: number | null, month: string) => `${groupId}|${month}`;

  /** Asks for the month now; `behind`: nobody waits for it (asked ahead, or asked again). */
  function fresh(groupId: number | null, month: string, behind = false): Promise<MonthAnswer> {
    const answer = Promise.allSettled([
      store.groupsOn(`${month}-01`, behind),
      groupId
        ? store.monthGrid(groupId, month, behind).then((grid) => markRaw(grid))
        : Promise.resolve(null),
    ]);
    kept.set(keyOf(groupId, month), { at: Date.now(), answer });
    return answer;
  }

  /** What was asked ahead for the month, when it is recent; otherwise nothing. */
  function early(groupId: number | null, month: string): Promise<MonthAnswer> | undefined {
    const entry = kept.get(keyOf(groupId, month));
    return entry && Date.now() - entry.at < MAX_AGE_MS ? entry.answer : undefined;
  }

  /**
   * Asks for two months on either side of `month` (each once: a step asks for one new month),
   * so quick steps in a row find theirs too; forgets all the others.
   */
  function around(groupId: number | null, month: string): void {
    const near = [-2, -1, 1, 2].map((n) => addMonths(month, n));
    const wanted = [month, ...near].map((m) => keyOf(groupId, m));
    for (const k of [...kept.keys()]) if (!wanted.includes(k)) kept.delete(k);
    for (const m of near) if (!early(groupId, m)) void fresh(groupId, m, true);
  }

  return { fresh, early, around, forget: () => kept.clear() };
}
