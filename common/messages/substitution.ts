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
  },
};
