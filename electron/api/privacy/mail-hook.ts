import type { EntityManager } from 'typeorm';

/**
 * MAIL HOOKS. The mail domain (messages among staff and to parents, DOMAIN.md 4) is being built
 * beside this one; until it lands there are no messages to gather or to anonymise. When it
 * does, these two functions are the only places a child's data on request and the retention's
 * anonymising need to learn about messages: fill them in the mail domain's terms.
 */

export interface GuardianMessage {
  sentAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** The messages sent to the child's guardians (a child's data on request). None yet. */
export function messagesToGuardians(
  _m: EntityManager,
  _childId: number,
  _guardianIds: readonly number[],
): Promise<GuardianMessage[]> {
  return Promise.resolve([]);
}

/** Replaces names and text of messages about anonymised children; the count replaced. None yet. */
export function anonymiseMessages(
  _m: EntityManager,
  _childIds: readonly number[],
  _guardianIds: readonly number[],
): Promise<number> {
  return Promise.resolve(0);
}
