import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type { EntryRow, TalkRow, WritableChild } from '../../../common/contract/journals';
import { monthBounds } from '../../../common/dates';
import { mayCall } from '../../../common/permissions';
import { call } from '../api/client';
import { useSessionStore } from './session';

/** The individual work journal and talks with parents of one month. */
export const useJournalsStore = defineStore('journals', () => {
  const entries = ref<EntryRow[]>([]);
  const waiting = ref<EntryRow[]>([]);
  const talks = ref<TalkRow[]>([]);
  const loading = ref(false);

  async function loadEntries(month: string): Promise<void> {
    const [from, to] = monthBounds(month);
    const role = useSessionStore().role;
    loading.value = true;
    try {
      entries.value = await call('journals.entries', { from, to });
      waiting.value =
        role && mayCall('journals.waiting', role) ? await call('journals.waiting', {}) : [];
    } finally {
      loading.value = false;
    }
  }

  async function loadTalks(month: string): Promise<void> {
    const [from, to] = monthBounds(month);
    loading.value = true;
    try {
      talks.value = await call('journals.talks', { from, to });
    } finally {
      loading.value = false;
    }
  }

  function children(date: string): Promise<WritableChild[]> {
    return call('journals.children', { date });
  }

  async function saveEntry(input: Input<'journals.saveEntry'>, month: string): Promise<void> {
    await call('journals.saveEntry', input);
    await loadEntries(month);
  }

  async function deleteEntry(id: number, month: string): Promise<void> {
    await call('journals.deleteEntry', { id });
    await loadEntries(month);
  }

  async function saveTalk(input: Input<'journals.saveTalk'>, month: string): Promise<void> {
    await call('journals.saveTalk', input);
    await loadTalks(month);
  }

  async function deleteTalk(id: number, month: string): Promise<void> {
    await call('journals.deleteTalk', { id });
    await loadTalks(month);
  }

  return {
    entries,
    waiting,
    talks,
    loading,
    loadEntries,
    loadTalks,
    children,
    saveEntry,
    deleteEntry,
    saveTalk,
    deleteTalk,
  };
});
