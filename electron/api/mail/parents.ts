import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { ParentRecipients, ParentTarget, Unreachable } from '../../../common/contract/mail';
import { isEmailAddress } from '../../../common/email-address';
import { AppError } from '../../../common/errors';
import { compareLv } from '../../../common/text';
import { Institution } from '../../../database/entities';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { enqueue, type NewEmail } from './outbox';

/**
 * E-mail to parents: the guardians of one child, of a group, or of the whole kindergarten, as
 * of today. A guardian is reached only with a valid address and her written consent (2.3).
 */

interface Link {
  childId: number;
  childName: string;
  guardianId: number;
  guardianName: string;
  email: string | null;
  agreesEmail: number | boolean;
}

export interface Reach extends ParentRecipients {
  /** Per reachable guardian, the children of the target she is a parent of (ids). */
  childIds: Map<number, number[]>;
}

const LINKS =
  `SELECT c.id AS "childId", c.first_name || ' ' || c.last_name AS "childName", ` +
  `g.id AS "guardianId", g.first_name || ' ' || g.last_name AS "guardianName", g.email, ` +
  'g.agrees_email AS "agreesEmail" FROM child c ' +
  'JOIN child_guardian cg ON cg.child_id = c.id JOIN guardian g ON g.id = cg.guardian_id ';
const ENROLLED_TODAY =
  'JOIN enrolment e ON e.child_id = c.id AND e.from_date <= ? AND (e.to_date IS NULL OR e.to_date >= ?) ';

function why(link: Link): Unreachable | null {
  if (!link.email) return 'noEmail';
  if (!isEmailAddress(link.email)) return 'badEmail';
  return link.agreesEmail ? null : 'noConsent';
}

/** Who of the children's guardians can be e-mailed, and who cannot and why; one query. */
export function reach(links: Link[]): Reach {
  const byGuardian = new Map<number, { link: Link; children: Map<number, string> }>();
  for (const l of links) {
    const entry = byGuardian.get(Number(l.guardianId)) ?? { link: l, children: new Map() };
    entry.children.set(Number(l.childId), l.childName);
    byGuardian.set(Number(l.guardianId), entry);
  }
  const out: Reach = { reachable: [], unreachable: [], childIds: new Map() };
  for (const [guardianId, { link, children }] of byGuardian) {
    const names = [...children.values()].sort(compareLv);
    const reason = why(link);
    if (reason) {
      out.unreachable.push({ guardianId, name: link.guardianName, reason, children: names });
    } else {
      out.reachable.push({
        guardianId,
        name: link.guardianName,
        email: link.email!,
        children: names,
      });
      out.childIds.set(guardianId, [...children.keys()]);
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => compareLv(a.name, b.name);
  out.reachable.sort(byName);
  out.unreachable.sort(byName);
  return out;
}

/** The guardians of the given children (for individual work notes and progress). */
export async function childrenReach(m: EntityManager, childIds: number[]): Promise<Reach> {
  if (childIds.length === 0) return reach([]);
  const links = await m.query<Link[]>(
    `${LINKS}WHERE c.id IN (${childIds.map(() => '?').join(', ')})`,
    childIds,
  );
  return reach(links);
}

/** The target's guardians, after checking she may write to them (the 'messages' scope). */
export async function targetReach(m: EntityManager, ctx: Context, target: ParentTarget) {
  const today = ctx.today();
  const access = ctx.access();
  if (target.kind === 'child') {
    if (!(await access.mayChild(m, 'messages', 'write', target.childId, today))) {
      throw new AppError('FORBIDDEN', 'mail.notYourParents');
    }
    return childrenReach(m, [target.childId]);
  }
  if (target.kind === 'group') {
    await access.assertGroup(
      m,
      'messages',
      'write',
      target.groupId,
      today,
      today,
      'mail.notYourParents',
    );
    const links = await m.query<Link[]>(`${LINKS}${ENROLLED_TODAY}WHERE e.group_id = ?`, [
      today,
      today,
      target.groupId,
    ]);
    return reach(links);
  }
  if (access.scope('messages', 'write') !== 'all') {
    throw new AppError('FORBIDDEN', 'mail.notYourParents');
  }
  return reach(await m.query<Link[]>(`${LINKS}${ENROLLED_TODAY}`, [today, today]));
}

export async function recipients(ctx: Context, target: ParentTarget): Promise<ParentRecipients> {
  const { reachable, unreachable } = await targetReach(ctx.db.manager, ctx, target);
  return { reachable, unreachable };
}

/** "Anna Kalniņa\nPII «Zīlīte»": who answers for the message (4), under every e-mail. */
export async function signature(m: EntityManager, ctx: Context): Promise<string> {
  const institution = await m.findOneByOrFail(Institution, { id: 1 });
  return `\n\n--\n${ctx.user.fullName}\n${institution.name}`;
}

export function refuseNobody(): AppError {
  return new AppError('VALIDATION', 'error.VALIDATION', {}, { target: 'mail.nobodyReachable' });
}

export async function send(
  ctx: Context,
  input: ParsedInput<'mail.sendToParents'>,
): Promise<{ queued: number; unreachable: number }> {
  const result = await ctx.db.transaction(async (m) => {
    const found = await targetReach(m, ctx, input.target);
    if (found.reachable.length === 0) throw refuseNobody();
    const footer = await signature(m, ctx);
    const emails: NewEmail[] = found.reachable.map((g) => ({
      kind: 'parents',
      toAddress: g.email,
      toName: g.name,
      guardianId: g.guardianId,
      subject: input.subject,
      body: input.body + footer,
    }));
    await enqueue(m, ctx, emails);
    await audit(m, ctx.now(), {
      action: 'mail.parents.send',
      actorId: ctx.user.id,
      entity: 'outbox',
      after: {
        target: input.target,
        subject: input.subject,
        queued: emails.length,
        unreachable: found.unreachable.length,
      },
    });
    return { queued: emails.length, unreachable: found.unreachable.length };
  });
  ctx.state.wakeOutbox();
  return result;
}
