import type { DomainMessages } from './types';

/** Messages of the audit viewer and data protection; keys start with 'audit.' or 'privacy.'. */
export const privacyMessages: DomainMessages = {
  lv: {
    'audit.periodOrder': 'Perioda beigas nevar būt pirms sākuma.',
    'audit.sheet': 'Notikumi',
    'audit.column.time': 'Laiks',
    'audit.column.user': 'Lietotājs',
    'audit.column.onBehalfOf': 'Aizvietojot',
    'audit.column.action': 'Notikums',
    'audit.column.subject': 'Par ko',
    'audit.column.changes': 'Izmaiņas',
    'privacy.retentionYears': 'Ievadiet veselu gadu skaitu no 1 līdz 75.',
    'privacy.noneChosen': 'Izvēlieties vismaz vienu bērnu.',
    'privacy.tooMany': 'Vienā reizē var anonimizēt ne vairāk kā 500 bērnus.',
    'privacy.childNotFound': 'Bērns nav atrasts.',
    'privacy.stillEnrolled': '{name} joprojām ir grupā — anonimizēt var tikai pēc aiziešanas.',
    'privacy.notYet':
      '{name} datu glabāšanas termiņš vēl nav beidzies (glabā līdz {date}). Nekas netika mainīts.',
    'privacy.alreadyAnonymised': 'Šī bērna dati jau ir anonimizēti.',
    'privacy.noticeChanged': 'Privātuma paziņojums ir mainījies. Lūdzu, izlasiet to vēlreiz.',
  },
  en: {
    'audit.periodOrder': 'The period cannot end before it starts.',
    'audit.sheet': 'Events',
    'audit.column.time': 'Time',
    'audit.column.user': 'User',
    'audit.column.onBehalfOf': 'On behalf of',
    'audit.column.action': 'Event',
    'audit.column.subject': 'About',
    'audit.column.changes': 'Changes',
    'privacy.retentionYears': 'Enter a whole number of years from 1 to 75.',
    'privacy.noneChosen': 'Choose at least one child.',
    'privacy.tooMany': 'At most 500 children can be anonymised at once.',
    'privacy.childNotFound': 'Child not found.',
    'privacy.stillEnrolled':
      '{name} is still in a group: a record is anonymised only after leaving.',
    'privacy.notYet':
      'The retention period of {name} has not ended yet (kept until {date}). Nothing was changed.',
    'privacy.alreadyAnonymised': 'This child’s data is already anonymised.',
    'privacy.noticeChanged': 'The privacy notice has changed. Please read it again.',
  },
};
