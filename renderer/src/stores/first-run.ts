import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api/client';

export type FirstRunStep = 'deputy' | 'groups' | 'children' | 'mail' | 'backup';

export interface FirstRunItem {
  step: FirstRunStep;
  /** The screen where the step is done. */
  to: string;
  /** null: this build cannot tell (a check not wired yet). */
  done: boolean | null;
}

/**
 * Checks that other domains provide: the mail domain sets `mail` to "is an SMTP server set?"
 * (until it does, the step shows without a tick and does not keep the list open).
 */
export const firstRunChecks: Partial<Record<FirstRunStep, () => Promise<boolean>>> = {};

/** The head's first steps after setup, read off what the register already holds. */
export const useFirstRunStore = defineStore('firstRun', () => {
  const items = ref<FirstRunItem[] | null>(null);

  async function load(): Promise<void> {
    const [users, groups, auto, mail] = await Promise.all([
      call('users.list', { role: 'deputy', limit: 200 }),
      call('groups.list', {}),
      call('backup.getAuto', {}),
      firstRunChecks.mail ? firstRunChecks.mail().catch(() => null) : Promise.resolve(null),
    ]);
    items.value = [
      {
        step: 'deputy',
        to: '/users',
        done: users.rows.some((u) => u.role === 'deputy' && u.active),
      },
      { step: 'groups', to: '/groups', done: groups.length > 0 },
      { step: 'children', to: '/children', done: groups.some((g) => g.childCount > 0) },
      { step: 'mail', to: '/mail-settings', done: mail },
      { step: 'backup', to: '/backup', done: auto.enabled || auto.lastSuccessAt !== null },
    ];
  }

  return { items, load };
});
