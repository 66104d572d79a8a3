import type { DomainMessages } from './types';

/** Messages of the journals domain; keys start with 'journals.'. */
export const journalsMessages: DomainMessages = {
  lv: {},
  en: {},
};
