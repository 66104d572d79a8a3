import { addDays } from '../../common/dates';
import type { SeedApi } from './api';
import { personName } from './names';
import type { ChildState } from './people';

/** A Latvian mobile number (8 digits starting with 2). */
const phone = (api: SeedApi) => `2${String(api.random.int(0, 9_999_999)).padStart(7, '0')}`;

/**
 * The parents of the year's new children (the rules' 2.3): a written application ("Pielikums
 * Nr.1") received around the first of September and connected by the deputy within the week
 * (now and then later; now and then refused for a missing signature and filed again), and for
 * most children a second parent entered by hand. The guardians' ids stay with the child, for
 * the talks with parents.
 */
export async function seedFamilies(
  api: SeedApi,
  children: ChildState[],
  yearStart: string,
  today: string,
): Promise<void> {
  const random = api.random;
  const notAfterToday = (date: string) => (date > today ? today : date);
  for (const child of children) {
    const mother = personName(random, true);
    const receivedOn = notAfterToday(addDays(yearStart, random.int(-6, 7)));
    api.at(receivedOn, '10:30');
    let application = await api.as('vietniece', 'applications.create', {
      receivedOn,
      parentName: `${mother.firstName} ${mother.lastName}`,
      parentPhone: phone(api),
      childId: child.id,
    });
    if (random.chance(0.03)) {
      api.at(addDays(receivedOn, 1), '11:00');
      await api.as('vietniece', 'applications.refuse', {
        id: application.id,
        reason: 'Iesniegumā nav vecāka paraksta.',
      });
      application = await api.as('vietniece', 'applications.create', {
        receivedOn: notAfterToday(addDays(receivedOn, 1)),
        parentName: application.parentName,
        parentPhone: application.parentPhone,
        childId: child.id,
      });
    }
    // Within the week, as 2.3 asks; about one in twelve later.
    const connectedOn = notAfterToday(
      addDays(application.receivedOn, random.chance(0.08) ? random.int(8, 12) : random.int(0, 6)),
    );
    api.at(connectedOn, '12:15');
    const connected = await api.as('vietniece', 'applications.connect', {
      id: application.id,
      connectedOn,
      relation: 'mother',
    });
    child.guardianIds = [connected.guardianId!];
    if (random.chance(0.6)) {
      const father = personName(random, false);
      const second = await api.as('vietniece', 'guardians.create', {
        firstName: father.firstName,
        lastName: father.lastName,
        phone: phone(api),
        email: random.chance(0.5) ? `vecaks${child.id}@example.lv` : '',
        consents: random.chance(0.8) ? ['register', 'photos', 'walks'] : ['register'],
        childId: child.id,
        relation: 'father',
      });
      child.guardianIds.push(second.id);
    }
  }
}
