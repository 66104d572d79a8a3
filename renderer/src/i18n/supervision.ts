/** UI text of the supervision domain (under the 'supervision.' prefix), Latvian and English with the same keys. */
export const lv = {};

export const en: typeof lv = {};
