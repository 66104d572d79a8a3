import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { EntryKind, SendState } from '../../../common/contract/journals';
import { MAIL_LIMITS } from '../../../common/contract/mail';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { OutboxEmail } from '../../../database/entities/mail';
import { audit } from '../audit/audit';
import { progressPdf } from '../assessment/pdf';
import { progress } from '../assessment/progress';
import type { Context } from '../context';
import { enqueue, type NewEmail } from './outbox';
import { childrenReach, refuseNobody, signature } from './parents';

/**
 * What the register itself sends to parents: individual work notes marked "Nosūtīt vecākiem"
 * (the rules' 3.7) and a child's progress over the school year as a PDF.
 */

const KIND_LV: Record<EntryKind, string> = {
  play: 'Rotaļnodarbība',
  individualWork: 'Individuālais darbs',
  individualLesson: 'Individuālā nodarbība',
};

export interface NoteEntry {
  id: number;
  date: string;
  kind: EntryKind;
  content: string;
  durationMinutes: number | null;
  childIds: number[];
  childNames: Map<number, string>;
}

/** Rows of this entry that are on their way or gone: it is not queued a second time. */
async function alreadyQueued(m: EntityManager, entryId: number): Promise<boolean> {
  return m.exists(OutboxEmail, {
    where: { entryId, status: In(['queued', 'sending', 'sent', 'unknown']) },
  });
}

/**
 * Queues the note to each child's reachable guardians (naming only that child), in the
 * entry's transaction; refused, with nothing saved, when no guardian can be reached at all.
 * Returns whether anything was queued (the caller wakes the worker after the commit).
 */
export async function queueNote(
  m: EntityManager,
  ctx: Context,
  entry: NoteEntry,
): Promise<boolean> {
  if (await alreadyQueued(m, entry.id)) return false;
  const found = await childrenReach(m, entry.childIds);
  if (found.reachable.length === 0) {
    const name = entry.childNames.get(entry.childIds[0]) ?? '';
    throw new AppError(
      'VALIDATION',
      'error.VALIDATION',
      {},
      { sendToParents: message(ctx.state.locale, 'mail.entryNobody', { name }) },
    );
  }
  const footer = await signature(m, ctx);
  const kind = KIND_LV[entry.kind];
  const minutes = entry.durationMinutes ? `, ${entry.durationMinutes} min` : '';
  const emails: NewEmail[] = [];
  for (const g of found.reachable) {
    for (const childId of found.childIds.get(g.guardianId) ?? []) {
      const child = entry.childNames.get(childId) ?? '';
      emails.push({
        kind: 'individualWork',
        toAddress: g.email,
        toName: g.name,
        guardianId: g.guardianId,
        childId,
        entryId: entry.id,
        subject: `${kind}: ${child}, ${dmy(entry.date)}`,
        body: `${kind}, ${dmy(entry.date)}${minutes}\nBērns: ${child}\n\n${entry.content}${footer}`,
      });
    }
  }
  await enqueue(m, ctx, emails);
  return true;
}

/** An unticked note: what has not started to go is not sent. */
export async function cancelNote(m: EntityManager, entryId: number): Promise<void> {
  await m.update(OutboxEmail, { entryId, status: 'queued' }, { status: 'cancelled' });
}

/** The state each entry shows: waiting, sent (with the time) or failed (with the reason). */
export async function noteStates(
  m: EntityManager,
  entryIds: number[],
): Promise<Map<number, SendState>> {
  const states = new Map<number, SendState>();
  if (entryIds.length === 0) return states;
  const rows = await m.query<
    { entryId: number; status: string; sentAt: string | null; lastError: string | null }[]
  >(
    'SELECT entry_id AS "entryId", status, sent_at AS "sentAt", last_error AS "lastError" FROM outbox ' +
      `WHERE status <> 'cancelled' AND entry_id IN (${entryIds.map(() => '?').join(', ')})`,
    entryIds,
  );
  for (const id of entryIds) {
    const mine = rows.filter((r) => Number(r.entryId) === id);
    if (mine.length === 0) continue;
    const stopped = mine.find((r) => r.status === 'failed' || r.status === 'unknown');
    if (stopped) states.set(id, { status: 'failed', at: null, error: stopped.lastError });
    else if (mine.every((r) => r.status === 'sent')) {
      const at =
        mine
          .map((r) => r.sentAt ?? '')
          .sort()
          .at(-1) ?? null;
      states.set(id, { status: 'sent', at, error: null });
    } else states.set(id, { status: 'waiting', at: null, error: null });
  }
  return states;
}

/** An attachment within the outbox's limit, or the refusal that names the limit. */
export function checkAttachment(content: Buffer): Buffer {
  if (content.length > MAIL_LIMITS.attachmentBytes) {
    throw new AppError('VALIDATION', 'mail.attachmentTooLarge', {
      max: MAIL_LIMITS.attachmentBytes / 1024 / 1024,
    });
  }
  return content;
}

/** A child's progress over the school year, as the PDF of the progress screen, to the parents. */
export async function sendProgress(
  ctx: Context,
  input: ParsedInput<'mail.sendProgress'>,
): Promise<{ queued: number; unreachable: number }> {
  const data = await progress(ctx, input);
  const m = ctx.db.manager;
  await ctx
    .access()
    .assertChild(m, 'messages', 'write', input.childId, ctx.today(), 'mail.notYourParents');
  const file = await progressPdf(ctx, data);
  const content = checkAttachment(Buffer.from(file.base64, 'base64'));
  const year = `${data.schoolYear}./${data.schoolYear + 1}. mācību gads`;
  const result = await ctx.db.transaction(async (t) => {
    const found = await childrenReach(t, [input.childId]);
    if (found.reachable.length === 0) throw refuseNobody();
    const footer = await signature(t, ctx);
    const emails: NewEmail[] = found.reachable.map((g) => ({
      kind: 'progress',
      toAddress: g.email,
      toName: g.name,
      guardianId: g.guardianId,
      childId: input.childId,
      subject: `Bērna sasniegumi: ${data.childName}, ${year}`,
      body: `Labdien!\n\nPielikumā: ${data.childName} sasniegumi (${year}).${footer}`,
      attachment: { name: file.fileName, content },
    }));
    await enqueue(t, ctx, emails);
    await audit(t, ctx.now(), {
      action: 'mail.progress.send',
      actorId: ctx.user.id,
      entity: 'child',
      entityId: input.childId,
      after: { schoolYear: data.schoolYear, queued: emails.length },
    });
    return { queued: emails.length, unreachable: found.unreachable.length };
  });
  ctx.state.wakeOutbox();
  return result;
}
