import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type { CalendarEntry } from '../../../common/contract/calendar';
import { call } from '../api/client';

/** The head's closures and extra moved working days, one year at a time. */
export const useCalendarStore = defineStore('calendar', () => {
  const entries = ref<CalendarEntry[]>([]);

  async function load(year: number): Promise<void> {
    entries.value = await call('calendar.list', { year });
  }

  async function add(input: Input<'calendar.add'>): Promise<void> {
    await call('calendar.add', input);
  }

  async function remove(id: number): Promise<void> {
    await call('calendar.remove', { id });
  }

  return { entries, load, add, remove };
});
