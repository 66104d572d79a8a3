export const LOCALES = ['lv', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'lv';
export const TIME_ZONE = 'Europe/Riga';
