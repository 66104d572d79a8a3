import type { DomainMessages } from './types';

/** Messages of the paged lists (common/contract/paging.ts); keys start with 'list.'. */
export const listMessages: DomainMessages = {
  lv: {
    'list.limit': 'Lapā var rādīt no 1 līdz 200 rindām.',
    'list.offset': 'Nederīgs lapas sākums.',
    'list.schoolYear': 'Mācību gadu norāda ar tā sākuma gadu, no 2000 līdz 2100.',
  },
  en: {
    'list.limit': 'A page shows from 1 to 200 rows.',
    'list.offset': 'Invalid start of the page.',
    'list.schoolYear': 'Give the school year by the year it starts in, from 2000 to 2100.',
  },
};
