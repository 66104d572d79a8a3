import { User } from '../../database/entities';
import { ChildGuardian, Guardian } from '../../database/entities/people';
import { planningFixture } from './planning-fixtures';

/** The journals' world: the planning fixture with parents for two children. */

// Thursday 10 December 2026, 10:00 in Riga.
export const TODAY = '2026-12-10';
export const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

export async function journalsFixture() {
  const f = await planningFixture('2026-12-10T08:00:00Z');
  // The data source is opened anew at every login: always ask for the current one.
  const repo = <T extends object>(entity: new () => T) => f.b.router.state.db.getRepository(entity);
  const db = f.b.router.state.db;
  const guardian = async (
    firstName: string,
    lastName: string,
    childId: number,
    email: string | null = null,
  ) => {
    const g = await db.getRepository(Guardian).save({
      firstName,
      lastName,
      searchName: `${lastName} ${firstName}`.toLowerCase(),
      phone: null,
      email,
      agreesEmail: email !== null,
      consents: '[]',
    });
    await db.getRepository(ChildGuardian).insert({ childId, guardianId: g.id, relation: 'mother' });
    return g.id;
  };
  // Elza Ozoliņa (Zīlītes) has two parents, her mother agreed to e-mail; Kārlis Grava
  // (Cielaviņas) one.
  const elza = f.children[0];
  const elzaMother = await guardian('Inese', 'Ozoliņa', elza, 'inese.ozolina@example.lv');
  const elzaFather = await guardian('Pēteris', 'Ozoliņš', elza);
  const karlisMother = await guardian('Zane', 'Grava', f.other);
  const head = await db.getRepository(User).findOneByOrFail({ username: 'ilze' });
  return { ...f, repo, elza, elzaMother, elzaFather, karlisMother, headId: head.id };
}

/** An individual work entry about `childIds` on `date`. */
export const entry = (childIds: number[], date = TODAY) => ({
  date,
  childIds,
  kind: 'individualWork' as const,
  content: 'Skaņas “R” vingrinājumi ar spoguli.',
  durationMinutes: 20,
});
