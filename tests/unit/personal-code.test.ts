import { describe, expect, it } from 'vitest';
import {
  PERSONAL_CODE_MESSAGE_KEYS,
  formatPersonalCode,
  maskPersonalCode,
  normalisePersonalCode,
  parsePersonalCode,
  validChecksum,
  type PersonalCodeError,
} from '../../common/personal-code';

// Every expected value below is a literal fact. Codes are made up. Sources:
// - "ref": shared reference.json → personal_code.examples_fake;
// - "java": test data of github.com/vladislavgoltjajev/java-personal-code
//   (LatvianPersonalCodeValidatorTest);
// - the rest were worked out by hand with the weights 1,6,3,7,9,10,5,8,4,2 and
//   K = (1101 - S) mod 11; S is given next to each so it can be rechecked without this module.

describe('parsePersonalCode: reference examples', () => {
  it.each([
    ['120785-12347', '12078512347', '1985-07-12'],
    ['030190-10457', '03019010457', '1990-01-03'],
    ['291104-23186', '29110423186', '2004-11-29'],
    ['310190-10009', '31019010009', '1990-01-31'],
  ])('accepts the old-format code %s', (input, code, birthDate) => {
    expect(parsePersonalCode(input)).toEqual({ ok: true, code, format: 'old', birthDate });
  });

  it.each([
    ['321234-56785', '32123456785'],
    ['358765-43211', '35876543211'],
  ])('accepts the new-format code %s without a birth date', (input, code) => {
    expect(parsePersonalCode(input)).toEqual({ ok: true, code, format: 'new' });
  });

  it.each([
    ['120785-12340', 'checksum'],
    ['300289-10002', 'date'],
    ['010190-31234', 'date'],
    ['010190-10010', 'remainder10'],
    ['150318-20004', 'date'],
  ] as const)('refuses %s (%s)', (input, reason) => {
    expect(parsePersonalCode(input)).toEqual({ ok: false, reason });
  });
});

describe('parsePersonalCode: old format', () => {
  // [input, stored code, birth date, where it comes from]
  it.each([
    ['290212-23457', '29021223457', '2012-02-29', 'leap year, S=159, K=7'],
    ['290296-12342', '29029612342', '1996-02-29', 'leap year, S=252, K=2'],
    ['290212-29381', '29021229381', '2012-02-29', 'leap year, java'],
    ['290200-22346', '29020022346', '2000-02-29', 'leap year divisible by 400, S=116, K=6'],
    ['180565-05610', '18056505610', '1865-05-18', 'century digit 0, java'],
    ['010200-12346', '01020012346', '1900-02-01', 'century digit 1, S=61, K=6'],
    ['120785-12347', '12078512347', '1985-07-12', 'century digit 1, ref'],
    ['291104-23186', '29110423186', '2004-11-29', 'century digit 2, ref'],
    ['300617-21248', '30061721248', '2017-06-30', 'last day old codes were issued, S=158, K=8'],
    ['301234-12345', '30123412345', '1934-12-30', 'starts with 30 but is an old code, S=128, K=5'],
  ])('accepts %s as %s, born on %s (%s)', (input, code, birthDate) => {
    expect(parsePersonalCode(input)).toEqual({ ok: true, code, format: 'old', birthDate });
  });

  // [code, reason, why]
  it.each<[string, PersonalCodeError, string]>([
    ['120785-12348', 'checksum', 'wrong check digit, S=225, K=7'],
    ['180565-05611', 'checksum', 'wrong check digit, java'],
    ['300292-12347', 'date', '30 February with a right check digit, S=159, K=7'],
    ['310490-12347', 'date', '31 April, S=159, K=7'],
    ['290213-23458', 'date', '29 February 2013, S=169, K=8'],
    ['290297-12343', 'date', '29 February 1997, S=262, K=3'],
    ['290200-12340', 'date', '29 February 1900: divisible by 100, not 400, S=111, K=0'],
    ['280800-51232', 'date', 'century digit 5, S=153, K=2'],
    ['010717-21230', 'date', 'the day after old codes stopped, S=166, K=0'],
    ['010190-10010', 'remainder10', 'remainder 10, S=101'],
    ['061193-06460', 'remainder10', 'remainder 10; java accepts it by mapping 10 to 0'],
  ])('refuses %s: %s (%s)', (input, reason) => {
    expect(parsePersonalCode(input)).toEqual({ ok: false, reason });
  });
});

describe('parsePersonalCode: new format', () => {
  // 325442-49548: the old-style K would be 9, but new codes have no check digit.
  it.each([
    ['321234-56785', '32123456785'],
    ['32123456785', '32123456785'],
    ['325442-49548', '32544249548'],
    ['335442-49548', '33544249548'],
    ['39912310173', '39912310173'],
  ])('accepts %s (second digit 2–9, hyphen optional, no check digit)', (input, code) => {
    expect(parsePersonalCode(input)).toEqual({ ok: true, code, format: 'new' });
  });

  it('refuses a code starting 30 or 31 that is no old code either', () => {
    expect(parsePersonalCode('301234-56785')).toEqual({ ok: false, reason: 'newFormatShape' });
    expect(parsePersonalCode('311534-12345')).toEqual({ ok: false, reason: 'newFormatShape' });
    // java
    expect(parsePersonalCode('315442-49548')).toEqual({ ok: false, reason: 'newFormatShape' });
  });
});

describe('parsePersonalCode: shape', () => {
  it('trims surrounding whitespace', () => {
    expect(parsePersonalCode('  120785-12347 ')).toMatchObject({ ok: true, code: '12078512347' });
    expect(parsePersonalCode('\t32123456785\n')).toMatchObject({ ok: true, code: '32123456785' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['1207851-2347', 'hyphen after the 7th digit'],
    ['12078-512347', 'hyphen after the 5th digit'],
    ['120785--12347', 'two hyphens'],
    ['120785 12347', 'space instead of the hyphen'],
    ['120785\u201312347', 'en dash instead of the hyphen'],
    ['120785-1234', '10 digits'],
    ['120785-123477', '12 digits'],
    ['12O785-12347', 'letter O for zero'],
    ['abcdef-ghijk', 'letters'],
    ['120785-1234a', 'trailing letter'],
  ])('refuses %j (%s)', (input) => {
    expect(parsePersonalCode(input)).toEqual({ ok: false, reason: 'shape' });
  });
});

describe('normalisePersonalCode', () => {
  it('stores 11 digits without the hyphen', () => {
    expect(normalisePersonalCode('120785-12347')).toBe('12078512347');
    expect(normalisePersonalCode('12078512347')).toBe('12078512347');
    expect(normalisePersonalCode(' 321234-56785 ')).toBe('32123456785');
  });

  it('does not look at the date or the check digit', () => {
    expect(normalisePersonalCode('300289-10002')).toBe('30028910002');
  });

  it('returns null unless 11 digits with an optional hyphen after the 6th', () => {
    expect(normalisePersonalCode('1207851-2347')).toBeNull();
    expect(normalisePersonalCode('120785 12347')).toBeNull();
    expect(normalisePersonalCode('120785-1234')).toBeNull();
    expect(normalisePersonalCode('x20785-12347')).toBeNull();
    expect(normalisePersonalCode('')).toBeNull();
  });
});

describe('validChecksum', () => {
  it('is true when the 11th digit matches', () => {
    expect(validChecksum('120785-12347')).toBe(true);
    expect(validChecksum('12078512347')).toBe(true);
    expect(validChecksum('310190-10009')).toBe(true);
  });

  it('is false for a wrong digit, remainder 10 and non-codes', () => {
    expect(validChecksum('120785-12340')).toBe(false);
    expect(validChecksum('010190-10010')).toBe(false);
    expect(validChecksum('010190-10000')).toBe(false);
    expect(validChecksum('abc')).toBe(false);
  });
});

describe('formatPersonalCode', () => {
  it('puts the hyphen after the sixth digit', () => {
    expect(formatPersonalCode('12078512347')).toBe('120785-12347');
    expect(formatPersonalCode('120785-12347')).toBe('120785-12347');
    expect(formatPersonalCode('32123456785')).toBe('321234-56785');
  });

  it('returns a non-code trimmed and otherwise as typed', () => {
    expect(formatPersonalCode(' 1207851-2347 ')).toBe('1207851-2347');
  });
});

describe('maskPersonalCode', () => {
  it('keeps the first six digits and hides the rest', () => {
    expect(maskPersonalCode('120785-12347')).toBe('120785-*****');
    expect(maskPersonalCode('12078512347')).toBe('120785-*****');
    expect(maskPersonalCode('32123456785')).toBe('321234-*****');
  });

  it('hides a non-code completely', () => {
    expect(maskPersonalCode('1207851-2347')).toBe('******-*****');
  });
});

describe('PERSONAL_CODE_MESSAGE_KEYS', () => {
  it('names a key for every refusal', () => {
    expect(PERSONAL_CODE_MESSAGE_KEYS).toEqual({
      shape: 'v.personalCode.shape',
      date: 'v.personalCode.date',
      checksum: 'v.personalCode.checksum',
      remainder10: 'v.personalCode.checksum',
      newFormatShape: 'v.personalCode.newFormatShape',
    });
  });
});
