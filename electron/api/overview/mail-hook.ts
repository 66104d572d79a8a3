import type { HomeItem } from '../../../common/contract/overview';
import type { Context } from '../context';

/**
 * HOOK for the mail issue (13), built at the same time: the head's home lists e-mails to parents
 * that have not gone out (failed or still queued in the outbox). It returns nothing until the
 * lead wires it to the outbox when mail lands: one line per unsent e-mail (or one summed line),
 * kind 'mail', overdue when it failed, ref { date } of the oldest.
 */
export async function unsentMailItems(_ctx: Context): Promise<HomeItem[]> {
  return [];
}
