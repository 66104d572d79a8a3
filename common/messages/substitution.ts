import type { DomainMessages } from './types';

/** Messages of the substitution domain; keys start with 'substitution.'. */
export const substitutionMessages: DomainMessages = {
  lv: {},
  en: {},
};
