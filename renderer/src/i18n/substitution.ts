/** UI text of the substitution domain (under the 'substitution.' prefix), Latvian and English with the same keys. */
export const lv = {};

export const en: typeof lv = {};
