/** Test data for the people domain, shared by integration and e2e tests (no test runner here). */

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid old-format personal code born on the given day of 2016 (child age), numbered n.
 * The check digit is computed the documented way: K = (1101 - Σ wᵢdᵢ) mod 11; a serial with
 * remainder 10 is skipped (such codes are never issued).
 */
export function personalCode(day: number, month: number, n: number): string {
  for (let serial = n * 7; ; serial++) {
    const digits = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}162${String(serial % 1000).padStart(3, '0')}`;
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
    const k = (1101 - sum) % 11;
    if (k < 10) return `${digits.slice(0, 6)}-${digits.slice(6)}${k}`;
  }
}

const FIRST = [
  'Jānis',
  'Līga',
  'Kārlis',
  'Ērika',
  'Mārtiņš',
  'Dārta',
  'Uldis',
  'Ņina',
  'Oskars',
  'Žanete',
];
const LAST = [
  'Bērziņš',
  'Kalniņa',
  'Ozols',
  'Liepiņa',
  'Zariņš',
  'Vītola',
  'Krūmiņš',
  'Šmite',
  'Āboliņš',
  'Čakste',
];

/**
 * A semicolon CSV (UTF-8 with BOM, as Excel writes it) of `rows` children in group `group`;
 * row 7 has a wrong check digit and row 19 names a group that does not exist.
 */
export function importCsv(rows = 30, group = '3'): string {
  const lines = [
    'Vārds;Uzvārds;Personas kods;Dzimšanas datums;Grupa;Uzņemts no;Vecāka vārds;Vecāka uzvārds;Vecāka tālrunis;Vecāka e-pasts;Radniecība',
  ];
  for (let i = 1; i <= rows; i++) {
    let code = personalCode(((i - 1) % 28) + 1, ((i - 1) % 12) + 1, i);
    if (i === 7) code = code.slice(0, 11) + ((Number(code[11]) + 1) % 10);
    const first = FIRST[i % 10];
    const last = `${LAST[(i * 3) % 10]}`;
    lines.push(
      [
        first,
        last,
        code,
        '',
        i === 19 ? '42' : group,
        '',
        'Inese',
        last,
        `2${String(6000000 + i).padStart(7, '0')}`,
        `vecaks${i}@example.lv`,
        i % 2 ? 'māte' : 'tēvs',
      ].join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
