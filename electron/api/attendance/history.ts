import type { MarkHistoryEntry } from '../../../common/contract/attendance';
import { AttendanceMarkHistory } from '../../../database/entities/attendance';
import { byline } from '../substitution/byline';
import { userNames } from '../users/names';
import type { Context } from '../context';

/** Every change of one cell (a child's day), oldest first, with who made it and as whom. */
export async function cellHistory(
  ctx: Context,
  childId: number,
  date: string,
): Promise<MarkHistoryEntry[]> {
  const m = ctx.db.manager;
  await ctx.access().assertChild(m, 'attendance', 'read', childId, date, 'attendance.notYourGroup');
  const rows = await m.find(AttendanceMarkHistory, {
    where: { childId, date },
    order: { at: 'ASC', id: 'ASC' },
  });
  const names = await userNames(m, [
    ...rows.map((r) => r.actorId),
    ...rows.map((r) => r.onBehalfOf),
  ]);
  return rows.map((r) => ({
    at: r.at,
    byName: byline(ctx.state.locale, names, r.actorId, r.onBehalfOf),
    as: r.actedAs,
    oldCode: r.oldCode,
    newCode: r.newCode,
    reason: r.reason,
  }));
}
