import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import {
  MAIL_LIMITS,
  type MessageDetail,
  type MessagePage,
  type MessageSummary,
} from '../../../common/contract/mail';
import { AppError } from '../../../common/errors';
import { foldForSearch } from '../../../common/text';
import { Message, MessageRecipient } from '../../../database/entities/mail';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { resolve } from './lists';

/**
 * Staff mail (the rules' 4): inbox, sent, read state, search, reply. A sent message is never
 * changed; removing one hides it from the remover's own view only.
 */

interface Raw {
  id: number;
  subject: string;
  preview: string;
  authorId: number;
  authorName: string;
  toLabels: string;
  createdAt: string;
  readAt: string | null;
}

const SUMMARY =
  'm.id, m.subject, substr(m.body, 1, 160) AS preview, m.author_id AS "authorId", ' +
  'a.full_name AS "authorName", m.to_labels AS "toLabels", m.created_at AS "createdAt"';

const summary = (r: Raw): MessageSummary => ({
  id: Number(r.id),
  subject: r.subject,
  preview: r.preview.replace(/\s+/g, ' '),
  author: { id: Number(r.authorId), name: r.authorName },
  to: JSON.parse(r.toLabels) as string[],
  createdAt: r.createdAt,
  readAt: r.readAt ?? null,
});

/** LIKE patterns: every word of the search, folded like the stored text. */
function searchClause(search: string): { sql: string; params: string[] } {
  const words = foldForSearch(search).split(' ').filter(Boolean);
  return {
    sql: words.map(() => " AND m.search_text LIKE ? ESCAPE '\\'").join(''),
    params: words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  };
}

async function pageOf(
  m: EntityManager,
  from: string,
  where: string,
  params: unknown[],
  page: number,
  search: string,
  readAt: string,
): Promise<MessagePage> {
  const s = searchClause(search);
  const size = MAIL_LIMITS.pageSize;
  const rows = await m.query<Raw[]>(
    `SELECT ${SUMMARY}, ${readAt} AS "readAt" FROM ${from} JOIN "user" a ON a.id = m.author_id ` +
      `WHERE ${where}${s.sql} ORDER BY m.id DESC LIMIT ? OFFSET ?`,
    [...params, ...s.params, size, (page - 1) * size],
  );
  const [{ n }] = await m.query<{ n: number }[]>(
    `SELECT COUNT(*) AS n FROM ${from} WHERE ${where}${s.sql}`,
    [...params, ...s.params],
  );
  return { rows: rows.map(summary), total: Number(n), page, pageSize: size };
}

export function inbox(ctx: Context, page: number, search: string): Promise<MessagePage> {
  return pageOf(
    ctx.db.manager,
    'message_recipient r JOIN message m ON m.id = r.message_id',
    'r.user_id = ? AND r.removed = FALSE',
    [ctx.user.id],
    page,
    search,
    'r.read_at',
  );
}

export function sent(ctx: Context, page: number, search: string): Promise<MessagePage> {
  return pageOf(
    ctx.db.manager,
    'message m',
    'm.author_id = ? AND m.author_removed = FALSE',
    [ctx.user.id],
    page,
    search,
    'm.created_at',
  );
}

export async function unread(ctx: Context): Promise<{ count: number }> {
  const [{ n }] = await ctx.db.manager.query<{ n: number }[]>(
    'SELECT COUNT(*) AS n FROM message_recipient WHERE user_id = ? AND removed = FALSE AND read_at IS NULL',
    [ctx.user.id],
  );
  return { count: Number(n) };
}

/** A message of her own mailbox (received, or sent and not removed), with its recipients. */
async function detail(m: EntityManager, ctx: Context, id: number): Promise<MessageDetail> {
  const [raw] = await m.query<(Raw & { body: string; replyToId: number | null })[]>(
    `SELECT ${SUMMARY}, m.body, m.reply_to_id AS "replyToId", r.read_at AS "readAt", ` +
      'r.user_id AS mine FROM message m JOIN "user" a ON a.id = m.author_id ' +
      'LEFT JOIN message_recipient r ON r.message_id = m.id AND r.user_id = ? AND r.removed = FALSE ' +
      'WHERE m.id = ? AND (r.user_id IS NOT NULL OR (m.author_id = ? AND m.author_removed = FALSE))',
    [ctx.user.id, id, ctx.user.id],
  );
  if (!raw) throw new AppError('NOT_FOUND', 'mail.messageNotFound');
  const recipients = await m.query<{ id: number; name: string; readAt: string | null }[]>(
    'SELECT u.id, u.full_name AS name, r.read_at AS "readAt" FROM message_recipient r ' +
      'JOIN "user" u ON u.id = r.user_id WHERE r.message_id = ? ORDER BY u.full_name',
    [id],
  );
  const received = recipients.some((r) => Number(r.id) === ctx.user.id);
  return {
    ...summary(raw),
    body: raw.body,
    replyToId: raw.replyToId === null ? null : Number(raw.replyToId),
    received,
    recipients: recipients.map((r) => ({ id: Number(r.id), name: r.name, readAt: r.readAt })),
  };
}

/** Opens a message; a received one is marked read the first time. */
export async function get(ctx: Context, id: number): Promise<MessageDetail> {
  const m = ctx.db.manager;
  const message = await detail(m, ctx, id);
  if (message.received && message.readAt === null) {
    await m.update(
      MessageRecipient,
      { messageId: id, userId: ctx.user.id },
      { readAt: ctx.now().toISOString() },
    );
    return detail(m, ctx, id);
  }
  return message;
}

export async function send(ctx: Context, input: ParsedInput<'mail.send'>): Promise<MessageDetail> {
  const id = await ctx.db.transaction(async (m) => {
    if (input.replyToId !== null) await detail(m, ctx, input.replyToId);
    const to = await resolve(m, ctx, input.userIds, input.lists);
    if (to.ids.length === 0) {
      throw new AppError('VALIDATION', 'error.VALIDATION', {}, { to: 'mail.nobody' });
    }
    const now = ctx.now().toISOString();
    const inserted = await m.insert(Message, {
      authorId: ctx.user.id,
      subject: input.subject,
      body: input.body,
      toLabels: JSON.stringify(to.labels),
      searchText: foldForSearch(`${ctx.user.fullName} ${input.subject} ${input.body}`),
      replyToId: input.replyToId,
      authorRemoved: false,
      createdAt: now,
    });
    const messageId = Number(inserted.identifiers[0].id);
    for (let i = 0; i < to.ids.length; i += 300) {
      await m.insert(
        MessageRecipient,
        to.ids
          .slice(i, i + 300)
          .map((userId) => ({ messageId, userId, readAt: null, removed: false })),
      );
    }
    await audit(m, ctx.now(), {
      action: 'mail.message.send',
      actorId: ctx.user.id,
      entity: 'message',
      entityId: messageId,
      after: { to: to.labels, recipients: to.ids.length, subject: input.subject },
    });
    return messageId;
  });
  return detail(ctx.db.manager, ctx, id);
}

/** Hides a message from her inbox or her sent list; the message and others' copies stay. */
export async function remove(ctx: Context, id: number, box: 'inbox' | 'sent'): Promise<void> {
  await ctx.db.transaction(async (m) => {
    const result =
      box === 'inbox'
        ? await m.update(
            MessageRecipient,
            { messageId: id, userId: ctx.user.id, removed: false },
            { removed: true },
          )
        : await m.update(
            Message,
            { id, authorId: ctx.user.id, authorRemoved: false },
            { authorRemoved: true },
          );
    if (!result.affected) throw new AppError('NOT_FOUND', 'mail.messageNotFound');
    await audit(m, ctx.now(), {
      action: 'mail.message.remove',
      actorId: ctx.user.id,
      entity: 'message',
      entityId: id,
      after: { box },
    });
  });
}
