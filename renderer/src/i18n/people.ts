/** UI text of the people domain (under the 'people.' prefix), Latvian and English with the same keys. */
export const lv = {};
export const en: typeof lv = {};
