import type { EntityManager } from 'typeorm';
import { AppError } from '../../../common/errors';
import { isFutureEntry } from '../../../common/journal-rules';
import { message } from '../../../common/messages';
import type { ScopedRow } from '../access/scope';
import type { Context } from '../context';

/** What the deputy's diary and the journal checks share: an entry's day and who may change it. */

/** A refusal of one field, in the user's language. */
export function fieldError(
  ctx: Context,
  field: string,
  key: string,
  params: Record<string, string> = {},
): AppError {
  return new AppError(
    'VALIDATION',
    'error.VALIDATION',
    {},
    { [field]: message(ctx.state.locale, key, params) },
  );
}

/** Entries belong to their day: a past one is allowed (and late), a future one is not. */
export function assertNotFuture(ctx: Context, date: string): void {
  if (isFutureEntry(date, ctx.today())) throw fieldError(ctx, 'date', 'supervision.futureDate');
}

type Supervised = 'diary' | 'journalChecks';

/** The ids of the rows she may change (canEdit), from the table's write scope. */
export async function writableIds(
  m: EntityManager,
  ctx: Context,
  domain: Supervised,
  rows: readonly (ScopedRow & { id: number })[],
): Promise<Set<number>> {
  return new Set((await ctx.access().filterRows(m, domain, 'write', rows)).map((r) => r.id));
}

/** Throws FORBIDDEN unless the table lets her write the row (her own: she wrote it). */
export async function assertWritable(
  m: EntityManager,
  ctx: Context,
  domain: Supervised,
  row: ScopedRow,
): Promise<void> {
  await ctx.access().assertRow(m, domain, 'write', row, 'supervision.notAuthor');
}
