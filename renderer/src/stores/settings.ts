import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type { InstitutionSettings } from '../../../common/contract/settings';
import { call } from '../api/client';

/** The institution's settings, as the head edits them. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<InstitutionSettings | null>(null);

  async function load(): Promise<InstitutionSettings> {
    settings.value = await call('settings.get', {});
    return settings.value;
  }

  async function save(input: Input<'settings.update'>): Promise<void> {
    settings.value = await call('settings.update', input);
  }

  return { settings, load, save };
});
