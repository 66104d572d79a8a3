import type { EntityManager } from 'typeorm';
import { ANONYMISED_TEXT } from '../../../common/contract/privacy';

/**
 * The e-mails to parents in the outbox (mail domain), as a child's data on request and the
 * retention's anonymising see them: the letters about the child or to the child's guardians.
 */

export interface GuardianMessage {
  sentAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

interface OutboxLetter {
  at: string;
  sentAt: string | null;
  author: string;
  toName: string;
  toAddress: string;
  subject: string;
  body: string;
}

const marks = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** Which outbox rows: about one of the children, or to one of the guardians (a group letter). */
function about(childIds: readonly number[], guardianIds: readonly number[]) {
  const guardians = guardianIds.length ? marks(guardianIds) : 'NULL';
  return {
    where: `o.kind <> 'test' AND (o.child_id IN (${marks(childIds)}) OR o.guardian_id IN (${guardians}))`,
    params: [...childIds, ...guardianIds],
  };
}

/** The e-mails sent or queued to the child's guardians, oldest first, with who wrote them. */
export async function messagesToGuardians(
  m: EntityManager,
  childId: number,
  guardianIds: readonly number[],
): Promise<GuardianMessage[]> {
  const { where, params } = about([childId], guardianIds);
  const rows = await m.query<OutboxLetter[]>(
    'SELECT o.created_at AS "at", o.sent_at AS "sentAt", u.full_name AS "author", ' +
      'o.to_name AS "toName", o.to_address AS "toAddress", o.subject, o.body ' +
      `FROM outbox o JOIN "user" u ON u.id = o.created_by WHERE ${where} ORDER BY o.id`,
    params,
  );
  return rows.map((r) => ({
    sentAt: r.sentAt ?? r.at,
    from: r.author,
    to: `${r.toName} <${r.toAddress}>`,
    subject: r.subject,
    text: r.body,
  }));
}

/**
 * The letters about anonymised children (or to their guardians, who have no other child here)
 * lose the address, the name, the text and any attachment; the count of letters changed.
 */
export async function anonymiseMessages(
  m: EntityManager,
  childIds: readonly number[],
  guardianIds: readonly number[],
): Promise<number> {
  const { where, params } = about(childIds, guardianIds);
  const ids = await m.query<{ id: number }[]>(`SELECT o.id FROM outbox o WHERE ${where}`, params);
  if (!ids.length) return 0;
  await m.query(
    'UPDATE outbox SET to_address = ?, to_name = ?, subject = ?, body = ?, attachment = NULL, ' +
      `attachment_name = NULL WHERE id IN (${marks(ids.map((r) => r.id))})`,
    [ANONYMISED_TEXT, ANONYMISED_TEXT, ANONYMISED_TEXT, ANONYMISED_TEXT, ...ids.map((r) => r.id)],
  );
  return ids.length;
}
