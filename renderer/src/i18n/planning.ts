/** UI text of the planning domain (under the 'planning.' prefix), Latvian and English with the same keys. */
export const lv = {};
export const en: typeof lv = {};
