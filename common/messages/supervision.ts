import type { DomainMessages } from './types';

/** Messages of the supervision domain; keys start with 'supervision.'. */
export const supervisionMessages: DomainMessages = {
  lv: {},
  en: {},
};
