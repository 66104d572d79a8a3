import type { DomainMessages } from './types';

/** Messages of the supervision domain; keys start with 'supervision.'. */
export const supervisionMessages: DomainMessages = {
  lv: {
    'supervision.futureDate': 'Datums nevar būt nākotnē.',
    'supervision.correctionBeforeCheck': 'Labojumu termiņš nevar būt pirms pārbaudes datuma.',
    'supervision.topicNotOfGroup': 'Izvēlētais temats nav šīs grupas plānā.',
    'supervision.checkBeforeTopic': 'Temats sākas {date}: pārbaude nevar būt agrāk.',
    'supervision.groupNotFound': 'Grupa nav atrasta.',
    'supervision.notAuthor': 'Labot un dzēst var tikai ieraksta autors.',
    'supervision.notYourGroup': 'Jūs varat skatīt tikai savu grupu žurnāla pārbaudes.',
  },
  en: {
    'supervision.futureDate': 'The date cannot be in the future.',
    'supervision.correctionBeforeCheck': 'The correction date cannot be before the check date.',
    'supervision.topicNotOfGroup': "The chosen topic is not in this group's plan.",
    'supervision.checkBeforeTopic': 'The topic starts on {date}: the check cannot be earlier.',
    'supervision.groupNotFound': 'Group not found.',
    'supervision.notAuthor': 'Only the author may edit or delete an entry.',
    'supervision.notYourGroup': 'You may read the journal checks of your own groups only.',
  },
};
