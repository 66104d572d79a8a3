import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  MAIL_LIMITS,
  type OutboxKind,
  type OutboxPage,
  type OutboxRow,
  type OutboxStatus,
} from '../../../common/contract/mail';
import { AppError } from '../../../common/errors';
import { MailSettings, OutboxEmail } from '../../../database/entities/mail';
import { audit } from '../audit/audit';
import type { Context } from '../context';

/** The outbox as people see it: what is queued, sent or stopped, and the resend by hand. */

export interface NewEmail {
  kind: OutboxKind;
  toAddress: string;
  toName: string;
  subject: string;
  body: string;
  guardianId?: number | null;
  childId?: number | null;
  entryId?: number | null;
  attachment?: { name: string; content: Buffer } | null;
}

/** A Message-ID for the kindergarten's domain, fixed now: every resend carries the same one. */
function messageIdFor(fromAddress: string | undefined): string {
  const domain = fromAddress?.split('@')[1] ?? 'e-zurnals.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Writes the e-mails as queued rows, in the caller's transaction, before anything is sent. The
 * caller wakes the worker (ctx.state.wakeOutbox()) once the transaction has committed.
 */
export async function enqueue(m: EntityManager, ctx: Context, emails: NewEmail[]): Promise<void> {
  if (emails.length === 0) return;
  const settings = await m.findOneBy(MailSettings, { id: 1 });
  const now = ctx.now().toISOString();
  const rows = emails.map((e) => ({
    kind: e.kind,
    status: 'queued',
    toAddress: e.toAddress,
    toName: e.toName,
    guardianId: e.guardianId ?? null,
    childId: e.childId ?? null,
    entryId: e.entryId ?? null,
    subject: e.subject,
    body: e.body,
    attachment: e.attachment?.content.toString('base64') ?? null,
    attachmentName: e.attachment?.name ?? null,
    messageId: messageIdFor(settings?.fromAddress),
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    serverReply: null,
    sentAt: null,
    claim: null,
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  }));
  // Chunks keep each statement well under SQLite's limit of bound values.
  for (let i = 0; i < rows.length; i += 200) {
    await m.insert(OutboxEmail, rows.slice(i, i + 200));
  }
}

const COLUMNS =
  'o.id, o.kind, o.status, o.to_name AS "toName", o.to_address AS "toAddress", o.subject, ' +
  'o.created_at AS "createdAt", u.full_name AS "createdBy", o.created_by AS "createdById", ' +
  'o.attempts, o.next_attempt_at AS "nextAttemptAt", o.last_error AS "lastError", ' +
  'o.sent_at AS "sentAt", o.server_reply AS "serverReply", o.message_id AS "messageId", ' +
  'o.attachment_name AS "attachmentName"';

type Raw = Omit<OutboxRow, 'canResend'> & { createdById: number };

const RESENDABLE: readonly string[] = ['failed', 'unknown'];

function row(ctx: Context, r: Raw): OutboxRow {
  const { createdById, ...rest } = r;
  const mine = ctx.user.role === 'head' || createdById === ctx.user.id;
  return {
    ...rest,
    attempts: Number(r.attempts),
    canResend: mine && RESENDABLE.includes(r.status),
  };
}

/** The head sees the whole outbox; everyone else what she queued herself. */
function visibility(ctx: Context): { where: string; params: unknown[] } {
  return ctx.user.role === 'head'
    ? { where: '1 = 1', params: [] }
    : { where: 'o.created_by = ?', params: [ctx.user.id] };
}

export async function list(
  ctx: Context,
  page: number,
  status: OutboxStatus | undefined,
): Promise<OutboxPage> {
  const m = ctx.db.manager;
  const seen = visibility(ctx);
  const filter = status ? ' AND o.status = ?' : '';
  const params = status ? [...seen.params, status] : seen.params;
  const size = MAIL_LIMITS.pageSize;
  const rows = await m.query<Raw[]>(
    `SELECT ${COLUMNS} FROM outbox o JOIN "user" u ON u.id = o.created_by ` +
      `WHERE ${seen.where}${filter} ORDER BY o.id DESC LIMIT ? OFFSET ?`,
    [...params, size, (page - 1) * size],
  );
  const counts = await m.query<{ status: OutboxStatus; n: number }[]>(
    `SELECT o.status, COUNT(*) AS n FROM outbox o WHERE ${seen.where} GROUP BY o.status`,
    seen.params,
  );
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
  return {
    rows: rows.map((r) => row(ctx, r)),
    total: status ? (byStatus[status] ?? 0) : counts.reduce((s, c) => s + Number(c.n), 0),
    page,
    pageSize: size,
    counts: byStatus,
  };
}

async function find(m: EntityManager, ctx: Context, id: number): Promise<OutboxRow> {
  const seen = visibility(ctx);
  const [found] = await m.query<Raw[]>(
    `SELECT ${COLUMNS} FROM outbox o JOIN "user" u ON u.id = o.created_by ` +
      `WHERE o.id = ? AND ${seen.where}`,
    [id, ...seen.params],
  );
  if (!found) throw new AppError('NOT_FOUND', 'mail.outboxNotFound');
  return row(ctx, found);
}

export function one(ctx: Context, id: number): Promise<OutboxRow> {
  return find(ctx.db.manager, ctx, id);
}

/** Back to the queue by hand (the head or the sender), keeping its Message-ID. */
export async function resend(ctx: Context, id: number): Promise<OutboxRow> {
  const result = await ctx.db.transaction(async (m) => {
    const before = await find(m, ctx, id);
    if (!before.canResend) throw new AppError('CONFLICT', 'mail.notResendable');
    const now = ctx.now().toISOString();
    await m.update(
      OutboxEmail,
      { id },
      {
        status: 'queued',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        claim: null,
        updatedAt: now,
      },
    );
    await audit(m, ctx.now(), {
      action: 'mail.outbox.resend',
      actorId: ctx.user.id,
      entity: 'outbox',
      entityId: id,
      before: { status: before.status, lastError: before.lastError },
      after: { status: 'queued' },
    });
    return find(m, ctx, id);
  });
  ctx.state.wakeOutbox();
  return result;
}

/** The head's "send a test message": queued like any e-mail, its state shown as it goes. */
export async function testMessage(ctx: Context, to: string): Promise<OutboxRow> {
  const id = await ctx.db.transaction(async (m) => {
    await enqueue(m, ctx, [
      {
        kind: 'test',
        toAddress: to,
        toName: '',
        subject: 'Bērnudārza e-žurnāla pārbaudes vēstule',
        body:
          'Šī ir pārbaudes vēstule no bērnudārza e-žurnāla.\n' +
          'Ja jūs to saņēmāt, e-pasta iestatījumi ir pareizi: ā č ē ģ ī ķ ļ ņ š ū ž.',
      },
    ]);
    const [{ id: rowId }] = await m.query<{ id: number }[]>(
      'SELECT id FROM outbox WHERE created_by = ? ORDER BY id DESC LIMIT 1',
      [ctx.user.id],
    );
    await audit(m, ctx.now(), {
      action: 'mail.outbox.test',
      actorId: ctx.user.id,
      entity: 'outbox',
      entityId: rowId,
      after: { to },
    });
    return Number(rowId);
  });
  ctx.state.wakeOutbox();
  return one(ctx, id);
}
