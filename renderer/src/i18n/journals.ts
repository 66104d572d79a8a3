/** UI text of the journals domain (under the 'journals.' prefix), Latvian and English with the same keys. */
export const lv = {};

export const en: typeof lv = {};
