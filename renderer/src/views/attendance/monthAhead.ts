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

  /**
   * Asks ahead: the month's groups first, then the grid of the group a switch would show (the
   * chosen one, or the first of the month's list when the chosen one is not in it, as at the
   * turn of a school year), kept for both, so that switch does not wait twice.
   */
  function before(groupId: number | null, month: string): void {
    const groups = store.groupsOn(`${month}-01`, true);
    const chosen = groups.then((list) =>
      list.some((g) => g.id === groupId) ? groupId : (list[0]?.id ?? null),
    );
    const grid = chosen.then((id) =>
      id ? store.monthGrid(id, month, true).then((g) => markRaw(g)) : null,
    );
    const entry = { at: Date.now(), answer: Promise.allSettled([groups, grid]) };
    kept.set(keyOf(groupId, month), entry);
    chosen.then(
      (id) => {
        if (id !== groupId) kept.set(keyOf(id, month), entry);
      },
      () => undefined,
    );
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
    // By month, whatever the group: a month kept for the group a switch moves to stays too.
    const wanted = [month, ...near];
    for (const k of [...kept.keys()]) if (!wanted.includes(k.split('|')[1])) kept.delete(k);
    for (const m of near) if (!early(groupId, m)) before(groupId, m);
  }

  return { fresh, early, around, forget: () => kept.clear() };
}
