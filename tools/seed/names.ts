import type { Random } from './random';

/** Common Latvian names; surnames in their masculine and feminine forms. */
const GIRLS = [
  'Anna',
  'Marta',
  'Emīlija',
  'Sofija',
  'Alise',
  'Elza',
  'Paula',
  'Līva',
  'Katrīna',
  'Amēlija',
  'Evelīna',
  'Estere',
  'Madara',
  'Laura',
  'Keita',
  'Rēzija',
  'Dārta',
  'Ieva',
  'Agate',
  'Luīze',
];
const BOYS = [
  'Jānis',
  'Roberts',
  'Gustavs',
  'Markuss',
  'Olivers',
  'Artūrs',
  'Kārlis',
  'Emīls',
  'Ričards',
  'Dāvis',
  'Mārtiņš',
  'Ēriks',
  'Aleksandrs',
  'Rūdolfs',
  'Toms',
  'Niks',
  'Patriks',
  'Miķelis',
  'Krišjānis',
  'Edgars',
];
const SURNAMES: readonly [string, string][] = [
  ['Bērziņš', 'Bērziņa'],
  ['Kalniņš', 'Kalniņa'],
  ['Ozols', 'Ozola'],
  ['Jansons', 'Jansone'],
  ['Liepa', 'Liepa'],
  ['Krūmiņš', 'Krūmiņa'],
  ['Zariņš', 'Zariņa'],
  ['Vītols', 'Vītola'],
  ['Kļaviņš', 'Kļaviņa'],
  ['Āboliņš', 'Āboliņa'],
  ['Siliņš', 'Siliņa'],
  ['Ozoliņš', 'Ozoliņa'],
  ['Pētersons', 'Pētersone'],
  ['Vanags', 'Vanaga'],
  ['Eglītis', 'Eglīte'],
  ['Balodis', 'Balode'],
  ['Kārkliņš', 'Kārkliņa'],
  ['Lācis', 'Lāce'],
  ['Celmiņš', 'Celmiņa'],
  ['Strazdiņš', 'Strazdiņa'],
  ['Zvirbulis', 'Zvirbule'],
  ['Grīnbergs', 'Grīnberga'],
  ['Rozītis', 'Rozīte'],
  ['Dūmiņš', 'Dūmiņa'],
];
export const GROUP_NAMES = [
  'Zīlītes',
  'Bitītes',
  'Mārītes',
  'Saulītes',
  'Pūcītes',
  'Rūķīši',
  'Taurenīši',
  'Lācēni',
  'Zaķēni',
  'Vāverītes',
  'Ezīši',
  'Sprīdīši',
];

export interface PersonName {
  firstName: string;
  lastName: string;
  female: boolean;
}

export function personName(random: Random, female = random.chance(0.5)): PersonName {
  const [male, fem] = random.pick(SURNAMES);
  return {
    firstName: random.pick(female ? GIRLS : BOYS),
    lastName: female ? fem : male,
    female,
  };
}

/** Staff are mostly women in Latvian kindergartens. */
export function staffName(random: Random): string {
  const name = personName(random, random.chance(0.9));
  return `${name.firstName} ${name.lastName}`;
}

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A personal code that passes the register's check: the old format (date + century + check
 * digit) for children born before 1 July 2017, the new one (32…) after, as the PMLP issues them.
 */
export function personalCode(random: Random, birthDate: string): string {
  if (birthDate >= '2017-07-01') {
    const digits = `3${random.int(2, 9)}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
    return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  }
  const [y, m, d] = birthDate.split('-');
  const century = Number(y) >= 2000 ? '2' : '1';
  for (;;) {
    const body = `${d}${m}${y.slice(2)}${century}${String(random.int(0, 999)).padStart(3, '0')}`;
    const sum = [...body].reduce((s, digit, i) => s + Number(digit) * WEIGHTS[i], 0);
    const check = (1101 - sum) % 11;
    if (check < 10) return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
  }
}
