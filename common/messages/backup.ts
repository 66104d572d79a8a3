import type { DomainMessages } from './types';

/** Messages of backup and restore; keys start with 'backup.'. */
export const backupMessages: DomainMessages = {
  lv: {},
  en: {},
};
