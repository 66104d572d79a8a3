import { AREAS, type AreaCode } from '../../../../common/planning-reference';
import { i18n } from '../../i18n';

const LV_MONTHS = [
  'janvāris',
  'februāris',
  'marts',
  'aprīlis',
  'maijs',
  'jūnijs',
  'jūlijs',
  'augusts',
  'septembris',
  'oktobris',
  'novembris',
  'decembris',
];

/** "2027. gada janvāris" / "January 2027". */
export function monthLabel(month: string): string {
  const index = Number(month.slice(5, 7)) - 1;
  if (i18n.global.locale.value === 'en') {
    const name = new Date(Date.UTC(2000, index, 1)).toLocaleString('en', {
      month: 'long',
      timeZone: 'UTC',
    });
    return `${name} ${month.slice(0, 4)}`;
  }
  return `${month.slice(0, 4)}. gada ${LV_MONTHS[index]}`;
}

export function areaName(code: string): string {
  return AREAS[code as AreaCode][i18n.global.locale.value];
}
