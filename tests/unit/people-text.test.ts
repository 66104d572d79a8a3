import { describe, expect, it } from 'vitest';
import { createChildSchema, optionalPhone, phoneSchema } from '../../common/contract/people';
import { dayBefore, monthDay } from '../../common/contract/settings';
import { compareLv, foldForSearch, personSearchName } from '../../common/text';
import { keyErrorMap } from '../../common/validation';

describe('search folding and Latvian order', () => {
  it('folds case and diacritics so "berzins" finds "Bērziņš"', () => {
    expect(foldForSearch('Bērziņš')).toBe('berzins');
    expect(foldForSearch('  ĀBOLIŅA   Žanete ')).toBe('abolina zanete');
    expect(personSearchName('Jānis', 'Bērziņš')).toBe('berzins janis');
  });

  it('sorts č after c, š after s, ž after z', () => {
    const names = ['Zīle', 'Šmits', 'Sīlis', 'Žagata', 'Čakste', 'Cīrulis', 'Ābele', 'Bērziņš'];
    expect([...names].sort(compareLv)).toEqual([
      'Ābele',
      'Bērziņš',
      'Cīrulis',
      'Čakste',
      'Sīlis',
      'Šmits',
      'Zīle',
      'Žagata',
    ]);
  });
});

describe('people field schemas', () => {
  const child = (personalCode: string, birthDate?: string) =>
    createChildSchema.safeParse(
      {
        firstName: 'A',
        lastName: 'B',
        personalCode,
        birthDate,
        groupId: 1,
        fromDate: '2026-09-01',
      },
      { errorMap: keyErrorMap },
    );
  const issues = (r: ReturnType<typeof child>) =>
    r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);

  it('names the personal-code rule that failed and asks for a birth date for new codes', () => {
    expect(issues(child('120785-12348'))).toEqual([['personalCode', 'v.personalCode.checksum']]);
    expect(issues(child('300285-12345'))).toEqual([['personalCode', 'v.personalCode.date']]);
    expect(issues(child('12078512347'))).toEqual([]);
    expect(issues(child('321234-56785'))).toEqual([['birthDate', 'people.birthDateRequired']]);
    expect(issues(child('321234-56785', '2022-03-04'))).toEqual([]);
    expect(issues(child('120785-12347', '1985-07-13'))).toEqual([
      ['birthDate', 'people.birthDateMismatch'],
    ]);
  });

  it('accepts Latvian and international phones and normalises them', () => {
    expect(phoneSchema.parse('2612 3456')).toBe('26123456');
    expect(phoneSchema.parse('+371 2612-3456')).toBe('26123456');
    expect(phoneSchema.parse('+49 170 1234567')).toBe('+491701234567');
    expect(phoneSchema.safeParse('2612345').success).toBe(false);
    expect(optionalPhone.parse('')).toBeNull();
    const bad = optionalPhone.safeParse('12', { errorMap: keyErrorMap });
    expect(bad.success ? '' : bad.error.issues[0].message).toBe('people.phone');
  });

  it('checks school-year start days and derives the end', () => {
    expect(monthDay.safeParse('09-01').success).toBe(true);
    expect(monthDay.safeParse('02-30').success).toBe(false);
    expect(monthDay.safeParse('02-29').success).toBe(false);
    expect(dayBefore('09-01')).toBe('08-31');
    expect(dayBefore('01-01')).toBe('12-31');
  });
});
