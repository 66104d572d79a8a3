import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/locale';
import { MESSAGE_CATALOGS } from '../../common/messages';
import { MESSAGES } from '../../renderer/src/i18n/messages';

/** Every key of a nested catalog, as 'a.b.c'. */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the backend messages', () => {
  it.each(LOCALES.filter((l) => l !== 'lv'))('%s has exactly the keys of lv', (locale) => {
    const lv = keysOf(MESSAGE_CATALOGS.lv).sort();
    expect(keysOf(MESSAGE_CATALOGS[locale]).sort()).toEqual(lv);
  });

  it('keeps every {placeholder} of the Latvian text', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(MESSAGE_CATALOGS.lv)) {
        const wanted = (text.match(/\{\w+\}/g) ?? []).sort();
        const got = (MESSAGE_CATALOGS[locale][key]?.match(/\{\w+\}/g) ?? []).sort();
        expect(got, `${locale} ${key}`).toEqual(wanted);
      }
    }
  });
});

describe('the UI catalogs (renderer/src/i18n)', () => {
  it.each(LOCALES.filter((l) => l !== 'lv'))('%s has exactly the keys of lv', (locale) => {
    const lv = keysOf(MESSAGES.lv).sort();
    expect(keysOf(MESSAGES[locale]).sort()).toEqual(lv);
  });

  it('no text is left empty, and Russian text is not Latvian or English copied over', () => {
    const lv = flat(MESSAGES.lv);
    const en = flat(MESSAGES.en);
    for (const [key, text] of Object.entries(flat(MESSAGES.ru))) {
      expect(text.trim(), key).not.toBe('');
      // Codes, numbers and placeholders read the same in every language ('NS', '{n} / {max}').
      const words = text.replace(/\{\w+\}/g, '');
      if (!/[A-Za-zĀ-ž]{4,}/.test(words) || SAME_IN_EVERY_LANGUAGE.has(key)) continue;
      expect(text, `ru ${key} is the Latvian text`).not.toBe(lv[key]);
      expect(text, `ru ${key} is the English text`).not.toBe(en[key]);
    }
  });
});

/** Keys whose text is a proper name or format, the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['applications.pdf', 'people.applications.pdf']);

function flat(catalog: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalog).flatMap(([key, value]) =>
      value !== null && typeof value === 'object'
        ? Object.entries(flat(value as object, `${prefix}${key}.`))
        : [[`${prefix}${key}`, String(value)]],
    ),
  );
}
