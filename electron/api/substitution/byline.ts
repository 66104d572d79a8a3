import type { EntityManager } from 'typeorm';
import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';
import { User } from '../../../database/entities';

/** Full names of the given users, by id (one query). */
export async function userNames(m: EntityManager, ids: number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const users = await m
    .createQueryBuilder(User, 'u')
    .where('u.id IN (:...ids)', { ids: wanted })
    .getMany();
  return new Map(users.map((u) => [u.id, u.fullName]));
}

/** Who made an entry, as every history shows it: "X" or, for a substitute, "X (aizvieto Y)". */
export function byline(
  locale: Locale,
  names: Map<number, string>,
  actorId: number,
  onBehalfOf: number | null,
): string {
  const name = names.get(actorId) ?? '';
  if (onBehalfOf === null) return name;
  return message(locale, 'substitution.onBehalf', { name, absent: names.get(onBehalfOf) ?? '' });
}
