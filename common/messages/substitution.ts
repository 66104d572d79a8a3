import type { DomainMessages } from './types';

/** Messages of the substitution domain; keys start with 'substitution.'. */
export const substitutionMessages: DomainMessages = {
  lv: {
    // Grammatical without declining the name: the colon puts it in the nominative.
    'substitution.onBehalf': '{name} (aizvieto kolēģi: {absent})',
    'substitution.endBeforeStart': 'Beigu datums nevar būt pirms sākuma datuma.',
    'substitution.self': 'Skolotājs nevar aizvietot pats sevi.',
    'substitution.notTeacher': 'Aizvietotājam jābūt aktīvam grupas skolotājam.',
    'substitution.absentNotInGroup':
      'Prombūtnē esošais skolotājs šajā laikā nestrādā izvēlētajā grupā.',
    'substitution.overlap':
      'Šim skolotājam šajā grupā jau ir aizvietotājs no {from} līdz {to} ({name}).',
    'substitution.alreadyEnded': 'Šī aizvietošana jau ir beigusies.',
    'substitution.changes': 'izmaiņas: {count}',
    'substitution.action.attendance.mark': 'Apmeklējuma atzīmes',
    'substitution.action.attendance.confirm': 'Apmeklējums apstiprināts',
    'substitution.action.topic.create': 'Pievienots temats',
    'substitution.action.topic.update': 'Labots temats',
    'substitution.action.topic.delete': 'Dzēsts temats',
    'substitution.action.plan.submit': 'Plāns iesniegts',
    'substitution.action.plan.amend': 'Plāns papildināts',
    'substitution.action.assessment.mark': 'Vērtējumi',
    'substitution.action.journals.entryCreated': 'Individuālā darba ieraksts',
    'substitution.action.journals.entryUpdated': 'Labots individuālā darba ieraksts',
    'substitution.action.journals.entryDeleted': 'Dzēsts individuālā darba ieraksts',
    'substitution.action.journals.talkCreated': 'Saruna ar vecākiem',
    'substitution.action.journals.talkUpdated': 'Labota saruna ar vecākiem',
    'substitution.action.journals.talkDeleted': 'Dzēsta saruna ar vecākiem',
  },
  en: {
    'substitution.onBehalf': '{name} (substituting for {absent})',
    'substitution.endBeforeStart': 'The end date cannot be before the start date.',
    'substitution.self': 'A teacher cannot substitute for herself.',
    'substitution.notTeacher': 'The substitute must be an active group teacher.',
    'substitution.absentNotInGroup':
      'The absent teacher does not work in the chosen group in this period.',
    'substitution.overlap':
      'This teacher already has a substitute in this group from {from} to {to} ({name}).',
    'substitution.alreadyEnded': 'This substitution has already ended.',
    'substitution.changes': 'changes: {count}',
    'substitution.action.attendance.mark': 'Attendance marks',
    'substitution.action.attendance.confirm': 'Attendance confirmed',
    'substitution.action.topic.create': 'Topic added',
    'substitution.action.topic.update': 'Topic edited',
    'substitution.action.topic.delete': 'Topic deleted',
    'substitution.action.plan.submit': 'Plan submitted',
    'substitution.action.plan.amend': 'Plan amended',
    'substitution.action.assessment.mark': 'Marks',
    'substitution.action.journals.entryCreated': 'Individual work entry',
    'substitution.action.journals.entryUpdated': 'Individual work entry edited',
    'substitution.action.journals.entryDeleted': 'Individual work entry deleted',
    'substitution.action.journals.talkCreated': 'Talk with parents',
    'substitution.action.journals.talkUpdated': 'Talk with parents edited',
    'substitution.action.journals.talkDeleted': 'Talk with parents deleted',
  },
};
