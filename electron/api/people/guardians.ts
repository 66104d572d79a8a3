import { In, type EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { GuardianRelation, GuardianSummary } from '../../../common/contract/people';
import { AppError } from '../../../common/errors';
import { personSearchName } from '../../../common/text';
import { Child, ChildGuardian, Guardian } from '../../../database/entities/people';
import { changedFields } from '../audit/audit';
import type { Context } from '../context';
import { byName, fieldError, log, parseConsents, searchWords } from './shared';

/** Parents and other guardians, linked to children (the rules' 2.2): entered by the deputy. */

/** Guardians with their children: two queries for the whole batch, not two per guardian. */
async function guardianSummaries(
  m: EntityManager,
  guardians: Guardian[],
): Promise<GuardianSummary[]> {
  const links = guardians.length
    ? await m.findBy(ChildGuardian, { guardianId: In(guardians.map((g) => g.id)) })
    : [];
  const children = new Map(
    (links.length ? await m.findBy(Child, { id: In(links.map((l) => l.childId)) }) : []).map(
      (c) => [c.id, c],
    ),
  );
  return guardians.map((guardian) => ({
    id: guardian.id,
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    phone: guardian.phone,
    email: guardian.email,
    agreesEmail: guardian.agreesEmail,
    consents: parseConsents(guardian.consents),
    children: links
      .filter((l) => l.guardianId === guardian.id)
      .map((l) => {
        const child = children.get(l.childId);
        return {
          childId: l.childId,
          name: child ? `${child.firstName} ${child.lastName}` : '',
          relation: l.relation as GuardianRelation,
        };
      }),
  }));
}

const guardianSummary = async (m: EntityManager, guardian: Guardian) =>
  (await guardianSummaries(m, [guardian]))[0];

/** At most 200 guardians whose name holds every word of the search. */
export async function list(
  ctx: Context,
  input: ParsedInput<'guardians.list'>,
): Promise<GuardianSummary[]> {
  const m = ctx.db.manager;
  const q = m.createQueryBuilder(Guardian, 'g');
  searchWords(input.search).forEach((word, i) =>
    q.andWhere(`g.search_name LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: word }),
  );
  const guardians = await q.take(200).getMany();
  return (await guardianSummaries(m, guardians)).sort(byName);
}

/** A new guardian, linked to the child she is entered for. */
export function create(
  ctx: Context,
  { childId, relation, ...input }: ParsedInput<'guardians.create'>,
): Promise<GuardianSummary> {
  return ctx.db.transaction(async (m) => {
    if (!(await m.existsBy(Child, { id: childId }))) {
      throw fieldError('childId', 'error.NOT_FOUND');
    }
    const guardian = await m.save(
      m.create(Guardian, {
        ...input,
        searchName: personSearchName(input.firstName, input.lastName),
        consents: JSON.stringify(input.consents),
      }),
    );
    await m.insert(ChildGuardian, { childId, guardianId: guardian.id, relation });
    await log(
      m,
      ctx,
      'people.guardian.create',
      'guardian',
      guardian.id,
      undefined,
      { ...input, childId, relation },
      { childIds: [childId] },
    );
    return guardianSummary(m, guardian);
  });
}

export function update(
  ctx: Context,
  { id, ...input }: ParsedInput<'guardians.update'>,
): Promise<GuardianSummary> {
  return ctx.db.transaction(async (m) => {
    const guardian = await m.findOneBy(Guardian, { id });
    if (!guardian) throw new AppError('NOT_FOUND');
    const before = { ...guardian, consents: parseConsents(guardian.consents) };
    Object.assign(guardian, {
      ...input,
      searchName: personSearchName(input.firstName, input.lastName),
      consents: JSON.stringify(input.consents),
    });
    await m.save(guardian);
    const children = await m.findBy(ChildGuardian, { guardianId: id });
    const { before: was, after: now } = changedFields(before, input);
    await log(m, ctx, 'people.guardian.update', 'guardian', id, was, now, {
      childIds: children.map((c) => c.childId),
    });
    return guardianSummary(m, guardian);
  });
}

/** Links a guardian to a child, or changes the relation of an existing link. */
export function link(ctx: Context, input: ParsedInput<'guardians.link'>): Promise<void> {
  return ctx.db.transaction(async (m) => {
    if (!(await m.existsBy(Guardian, { id: input.guardianId }))) throw new AppError('NOT_FOUND');
    if (!(await m.existsBy(Child, { id: input.childId }))) throw new AppError('NOT_FOUND');
    const existing = await m.findOneBy(ChildGuardian, {
      childId: input.childId,
      guardianId: input.guardianId,
    });
    if (existing) await m.update(ChildGuardian, { ...existing }, { relation: input.relation });
    else await m.insert(ChildGuardian, input);
    await log(
      m,
      ctx,
      'people.guardian.link',
      'guardian',
      input.guardianId,
      existing ?? undefined,
      input,
      { childIds: [input.childId] },
    );
  });
}

export function unlink(ctx: Context, input: ParsedInput<'guardians.unlink'>): Promise<void> {
  return ctx.db.transaction(async (m) => {
    const existing = await m.findOneBy(ChildGuardian, input);
    if (!existing) throw new AppError('NOT_FOUND');
    await m.delete(ChildGuardian, input);
    await log(m, ctx, 'people.guardian.unlink', 'guardian', input.guardianId, existing, undefined, {
      childIds: [input.childId],
    });
  });
}
