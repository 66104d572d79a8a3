import { In, type EntityManager } from 'typeorm';
import { User } from '../../../database/entities';

/** Full names of the given users, by id, in one query; nulls (no such person) are skipped. */
export async function userNames(
  m: EntityManager,
  ids: (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const users = wanted.length ? await m.findBy(User, { id: In(wanted) }) : [];
  return new Map(users.map((u) => [u.id, u.fullName]));
}
