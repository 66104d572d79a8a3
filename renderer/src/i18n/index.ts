import { createI18n } from 'vue-i18n';
import type { Locale } from '../../../common/locale';
import * as attendance from './attendance';
import * as backup from './backup';
import * as calendar from './calendar';
import en from './en';
import lv from './lv';
import * as people from './people';
import * as planning from './planning';
import * as release from './release';
import * as server from './server';
import * as journals from './journals';
import * as overview from './overview';
import * as supervision from './supervision';
import * as substitution from './substitution';

export const i18n = createI18n({
  legacy: false,
  locale: 'lv',
  fallbackLocale: 'lv',
  // Each domain's text sits under its own prefix ('people.…', 'attendance.…').
  messages: {
    lv: {
      ...lv,
      people: people.lv,
      attendance: attendance.lv,
      calendar: calendar.lv,
      planning: planning.lv,
      journals: journals.lv,
      supervision: supervision.lv,
      substitution: substitution.lv,
      backup: backup.lv,
      release: release.lv,
      overview: overview.lv,
      server: server.lv,
    },
    en: {
      ...en,
      people: people.en,
      attendance: attendance.en,
      calendar: calendar.en,
      planning: planning.en,
      journals: journals.en,
      supervision: supervision.en,
      substitution: substitution.en,
      backup: backup.en,
      release: release.en,
      overview: overview.en,
      server: server.en,
    },
  },
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
