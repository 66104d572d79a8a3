import type { EntityManager } from 'typeorm';
import type { MarkRole } from '../../../common/contract/attendance';
import type { Context } from '../context';

/** In which capacity a change is recorded, and for whom. */
export interface Actor {
  actedAs: MarkRole;
  onBehalfOf: number | null;
}

/**
 * How the caller acts on each of `dates` in a group: null where the access scope lets her not
 * write; otherwise the nurse as nurse, a teacher as teacher in her own assignment or as
 * substitute on behalf of the absent teacher (Access.onBehalfOf). Her periods come from one
 * query (none for the nurse), whatever the number of dates; equal actors are one object, so
 * the caller can group changes by actor.
 */
export async function attributionOf(
  ctx: Context,
  m: EntityManager,
  groupId: number,
  dates: readonly string[],
): Promise<Map<string, Actor | null>> {
  const access = ctx.access();
  const own: Actor = { actedAs: 'teacher', onBehalfOf: null };
  const nurse: Actor = { actedAs: 'nurse', onBehalfOf: null };
  const substitutes = new Map<number, Actor>();
  const actors = new Map<string, Actor | null>();
  for (const date of dates) {
    if (actors.has(date)) continue;
    if (!(await access.mayGroup(m, 'attendance', 'write', groupId, date))) {
      actors.set(date, null);
      continue;
    }
    // Not an access decision: a nurse's change is recorded as a correction (DOMAIN 3.3).
    if (ctx.user.role === 'nurse') {
      actors.set(date, nurse);
      continue;
    }
    const absentId = await access.onBehalfOf(m, groupId, date);
    if (absentId === null) {
      actors.set(date, own);
      continue;
    }
    if (!substitutes.has(absentId)) {
      substitutes.set(absentId, { actedAs: 'substitute', onBehalfOf: absentId });
    }
    actors.set(date, substitutes.get(absentId)!);
  }
  return actors;
}
