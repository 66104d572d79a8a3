/** UI text of the attendance domain (under the 'attendance.' prefix), Latvian and English with the same keys. */
export const lv = {};
export const en: typeof lv = {};
