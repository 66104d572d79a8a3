import type { Locale } from '../../common/locale';
import { primeVueEn } from './primevue-en';
import { primeVueLv } from './primevue-lv';
import { primeVueRu } from './primevue-ru';

/** PrimeVue's texts (date pickers, tables, dialogs' close buttons) for each UI language. */
export const PRIMEVUE_LOCALES: Record<Locale, typeof primeVueLv> = {
  lv: primeVueLv,
  en: primeVueEn,
  ru: primeVueRu,
};
