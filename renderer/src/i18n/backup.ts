/** UI text of the backup domain (under the 'backup.' prefix), Latvian and English with the same keys. */
export const lv = {};
export const en: typeof lv = {};
