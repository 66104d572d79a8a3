import { createI18n } from 'vue-i18n';
import type { Locale } from '../../../common/locale';
import { MESSAGES } from './messages';

export const i18n = createI18n({
  legacy: false,
  locale: 'lv',
  fallbackLocale: 'lv',
  messages: MESSAGES,
});

export function setUiLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}

/** dd.mm.yyyy, the way the staff write dates, from an ISO date or instant. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** dd.mm.yyyy hh:mm in Riga time, from a UTC instant. */
export function formatDateTime(instant: string): string {
  const parts = new Intl.DateTimeFormat('lv-LV', {
    timeZone: 'Europe/Riga',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}
