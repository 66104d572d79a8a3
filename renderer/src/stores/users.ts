import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input, UserSummary } from '../../../common/contract';
import { call } from '../api/client';

/** Staff accounts, as the head manages them. */
export const useUsersStore = defineStore('users', () => {
  const users = ref<UserSummary[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      users.value = await call('users.list', {});
    } finally {
      loading.value = false;
    }
  }

  async function create(input: Input<'users.create'>): Promise<void> {
    await call('users.create', input);
    await load();
  }

  async function resetPassword(input: Input<'users.resetPassword'>): Promise<void> {
    await call('users.resetPassword', input);
    await load();
  }

  async function update(input: Input<'users.update'>): Promise<void> {
    await call('users.update', input);
    await load();
  }

  async function deactivate(input: Input<'users.deactivate'>): Promise<void> {
    await call('users.deactivate', input);
    await load();
  }

  return { users, loading, load, create, resetPassword, update, deactivate };
});
