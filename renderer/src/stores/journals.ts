import { defineStore } from 'pinia';
import type { Input } from '../../../common/contract';
import type {
  EntryRow,
  JournalPage,
  TalkRow,
  WritableChild,
} from '../../../common/contract/journals';
import type { Page } from '../../../common/contract/paging';
import { monthBounds } from '../../../common/dates';
import { mayCall } from '../../../common/permissions';
import { call } from '../api/client';
import { pagedList } from './paged';
import { useSessionStore } from './session';

/** A journal's filters beside its month: the children's group and the author. */
export interface JournalFilter {
  groupId?: number;
  authorId?: number;
}
type ListFilter = Omit<Input<'journals.entries'>, 'limit' | 'offset'>;

/** The individual work journal and talks with parents of one month, a page at a time. */
export const useJournalsStore = defineStore('journals', () => {
  const entries = pagedList<EntryRow, ListFilter, JournalPage<EntryRow>>(
    (input) => call('journals.entries', input),
    { from: '', to: '' },
  );
  const waiting = pagedList<EntryRow, object, Page<EntryRow>>(
    (input) => call('journals.waiting', input),
    {},
  );
  const talks = pagedList<TalkRow, ListFilter, JournalPage<TalkRow>>(
    (input) => call('journals.talks', input),
    { from: '', to: '' },
  );

  const period = (month: string) => {
    const [from, to] = monthBounds(month);
    return { from, to };
  };

  /** The month's first page with the filters given (kept when none), and the waiting list. */
  async function loadEntries(month: string, filter?: JournalFilter): Promise<void> {
    const role = useSessionStore().role;
    await Promise.all([
      entries.load({ ...(filter ?? {}), ...period(month) }),
      role && mayCall('journals.waiting', role) ? waiting.load() : waiting.clear(),
    ]);
  }

  /** The pages shown, read again after a change. */
  async function reloadEntries(): Promise<void> {
    const role = useSessionStore().role;
    await Promise.all([
      entries.goTo(entries.first.value),
      role && mayCall('journals.waiting', role) ? waiting.goTo(waiting.first.value) : undefined,
    ]);
  }

  async function loadTalks(month: string, filter?: JournalFilter): Promise<void> {
    await talks.load({ ...(filter ?? {}), ...period(month) });
  }

  function children(date: string): Promise<WritableChild[]> {
    return call('journals.children', { date });
  }

  async function saveEntry(input: Input<'journals.saveEntry'>): Promise<void> {
    await call('journals.saveEntry', input);
    await reloadEntries();
  }

  async function deleteEntry(id: number): Promise<void> {
    await call('journals.deleteEntry', { id });
    await reloadEntries();
  }

  async function saveTalk(input: Input<'journals.saveTalk'>): Promise<void> {
    await call('journals.saveTalk', input);
    await talks.goTo(talks.first.value);
  }

  async function deleteTalk(id: number): Promise<void> {
    await call('journals.deleteTalk', { id });
    await talks.goTo(talks.first.value);
  }

  return {
    entries,
    waiting,
    talks,
    loadEntries,
    loadTalks,
    children,
    saveEntry,
    deleteEntry,
    saveTalk,
    deleteTalk,
  };
});
