import type { HomeItem } from '../../../common/contract/overview';
import { rigaDate } from '../clock';
import type { Context } from '../context';

/**
 * E-mails to parents that did not go out (failed, or of unknown outcome after a stop): one line
 * with their count, dated by the oldest, on the head's home (every one) and on the sender's (her
 * own), so that someone resends or corrects the address. Queued ones are still on their way.
 */
export async function unsentMailItems(ctx: Context): Promise<HomeItem[]> {
  const head = ctx.user.role === 'head';
  const [row] = await ctx.db.manager.query<{ n: number; oldest: string | null }[]>(
    'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox ' +
      `WHERE status IN ('failed', 'unknown')${head ? '' : ' AND created_by = ?'}`,
    head ? [] : [ctx.user.id],
  );
  if (!row || Number(row.n) === 0 || !row.oldest) return [];
  return [
    {
      kind: 'mail',
      overdue: true,
      due: rigaDate(new Date(row.oldest)),
      dueTime: null,
      minutesLeft: null,
      groupId: null,
      groupName: null,
      subject: null,
      count: Number(row.n),
      detail: null,
      ref: {},
    },
  ];
}
