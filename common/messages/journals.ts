import type { DomainMessages } from './types';

/** Messages of the individual work journal and talks with parents; keys start with 'journals.'. */
export const journalsMessages: DomainMessages = {
  lv: {
    'journals.endBeforeStart': 'Beigu datums nevar būt pirms sākuma datuma.',
    'journals.futureDate': 'Ierakstu nevar ievadīt nākotnes datumam (šodien ir {today}).',
    'journals.childRequired': 'Izvēlieties vismaz vienu bērnu.',
    'journals.tooManyChildren': 'Vienā ierakstā var būt ne vairāk kā 30 bērni.',
    'journals.childTwice': 'Bērns sarakstā norādīts divreiz.',
    'journals.childNotFound': 'Bērns nav atrasts.',
    'journals.childOutOfReach':
      'Par bērnu {name} {date} nevarat rakstīt: bērns nav grupā, kurā strādājat.',
    'journals.childNotEnrolled': 'Bērns {name} {date} nav uzņemts nevienā grupā.',
    'journals.duration': 'Ilgumam jābūt veselam minūšu skaitam no 1 līdz 480.',
    'journals.sendTeachersOnly': 'Nosūtīt vecākiem var grupas skolotāji.',
    'journals.guardianRequired': 'Izvēlieties vismaz vienu no bērna vecākiem.',
    'journals.guardianTwice': 'Vecāks sarakstā norādīts divreiz.',
    'journals.guardianNotLinked': '{name} nav reģistrēts kā šī bērna vecāks.',
    'journals.entryNotFound': 'Ieraksts nav atrasts.',
    'journals.talkNotFound': 'Saruna nav atrasta.',
    'journals.notAuthor': 'Labot un dzēst var tikai ieraksta autors.',
    'journals.notInYourGroups':
      'Šo ierakstu vairs nevarat labot un dzēst: tā bērni nav grupā, kurā strādājat.',
  },
  en: {
    'journals.endBeforeStart': 'The end date cannot be before the start date.',
    'journals.futureDate': 'An entry cannot be made for a future date (today is {today}).',
    'journals.childRequired': 'Choose at least one child.',
    'journals.tooManyChildren': 'One entry can be about 30 children at most.',
    'journals.childTwice': 'A child is listed twice.',
    'journals.childNotFound': 'Child not found.',
    'journals.childOutOfReach':
      'You cannot write about {name} on {date}: the child is not in a group you work in.',
    'journals.childNotEnrolled': '{name} is not enrolled in any group on {date}.',
    'journals.duration': 'The duration must be a whole number of minutes from 1 to 480.',
    'journals.sendTeachersOnly': 'Only group teachers send notes to parents.',
    'journals.guardianRequired': "Choose at least one of the child's parents.",
    'journals.guardianTwice': 'A parent is listed twice.',
    'journals.guardianNotLinked': "{name} is not registered as this child's parent.",
    'journals.entryNotFound': 'Entry not found.',
    'journals.talkNotFound': 'Talk not found.',
    'journals.notAuthor': 'Only the author may edit or delete an entry.',
    'journals.notInYourGroups':
      'You can no longer edit or delete this entry: its children are not in a group you work in.',
  },
};
