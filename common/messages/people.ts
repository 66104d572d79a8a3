import type { DomainMessages } from './types';

/** Messages of people, groups, applications, import; keys start with 'people.'. */
export const peopleMessages: DomainMessages = {
  lv: {},
  en: {},
};
