import type { DomainMessages } from './types';

/** Messages of the working-day calendar; keys start with 'calendar.'. */
export const calendarMessages: DomainMessages = {
  lv: {
    'calendar.notWeekday': 'Pārceltajai brīvdienai jābūt darbdienai (pirmdiena–piektdiena).',
    'calendar.notSaturday': 'Jānorāda sestdiena.',
    'calendar.dayTaken': 'Šim datumam jau ir ieraksts.',
  },
  en: {
    'calendar.notWeekday': 'The moved day off must be a weekday (Monday–Friday).',
    'calendar.notSaturday': 'Choose a Saturday.',
    'calendar.dayTaken': 'This date already has an entry.',
  },
};
