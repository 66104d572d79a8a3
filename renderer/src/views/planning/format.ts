import { monthTitle } from '../../../../common/dates';
import { AREAS, type AreaCode } from '../../../../common/planning-reference';
import { i18n } from '../../i18n';

/** "2027. gada janvāris" / "January 2027". */
export function monthLabel(month: string): string {
  return monthTitle(month, i18n.global.locale.value);
}

export function areaName(code: string): string {
  return AREAS[code as AreaCode][i18n.global.locale.value];
}
