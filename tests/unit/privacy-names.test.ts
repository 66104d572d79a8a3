import { describe, expect, it } from 'vitest';
import { mentions, namePatterns, replaceNames } from '../../electron/api/privacy/names';

const paula = { first: 'Paula', last: 'Jansone' };
const janis = { first: 'Jānis', last: 'Bērziņš' };

describe('a child’s name in free text, declined as Latvian declines it', () => {
  it('finds the full name in any case and either order', () => {
    const full = namePatterns([paula, janis], false);
    expect(replaceNames('Konsultācija ar Paulas Jansones mammu.', full)).toBe(
      'Konsultācija ar [anonimizēts] mammu.',
    );
    expect(replaceNames('Jāņa Bērziņa tētis; BĒRZIŅŠ JĀNIS.', full)).toBe(
      '[anonimizēts] tētis; [anonimizēts].',
    );
    // A first name alone is someone else's too: the diary keeps it.
    expect(replaceNames('Paula no 4. grupas.', full)).toBe('Paula no 4. grupas.');
    expect(mentions('par Paulai Jansonei', full)).toBe(true);
    expect(mentions('Pauls Jansons', full)).toBe(true); // close forms go too: safer than staying
    expect(mentions('Anna Kalniņa', full)).toBe(false);
  });

  it('finds each name alone in text that is about the child', () => {
    const any = namePatterns([paula], true);
    expect(replaceNames('Elza un Paula būvēja torni; Paulai patīk skaitīt.', any)).toBe(
      'Elza un [anonimizēts] būvēja torni; [anonimizēts] patīk skaitīt.',
    );
    // Words that only begin like the name, beyond an ending's length, stay.
    expect(replaceNames('Paulīnei un Apaula', any)).toBe('Paulīnei un Apaula');
  });
});
