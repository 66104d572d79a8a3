import { defineStore } from 'pinia';
import type { Input, UserSummary } from '../../../common/contract';
import type { Page } from '../../../common/contract/paging';
import { call } from '../api/client';
import { pagedList } from './paged';

type UserFilter = Omit<Input<'users.list'>, 'limit' | 'offset'>;

/** Staff accounts, as the head manages them, a page at a time. */
export const useUsersStore = defineStore('users', () => {
  const users = pagedList<UserSummary, UserFilter, Page<UserSummary>>(
    (input) => call('users.list', input),
    {},
  );

  /** The first page with these filters; without, the page shown read again (after a change). */
  async function load(filter?: UserFilter): Promise<void> {
    if (filter) await users.load(filter);
    else await users.goTo(users.first.value);
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

  return { users, load, create, resetPassword, update, deactivate };
});
