import type { DomainMessages } from './types';

/** Messages of plans, topics and marks; keys start with 'planning.'. */
export const planningMessages: DomainMessages = {
  lv: {},
  en: {},
};
