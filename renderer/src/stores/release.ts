import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AboutInfo, UpdateStatus } from '../../../common/contract/release';
import { call } from '../api/client';

/** The About screen and the head's update controls. */
export const useReleaseStore = defineStore('release', () => {
  const about = ref<AboutInfo | null>(null);
  /** The head's view of the updates (the notice in the layout, the About screen's controls). */
  const status = ref<UpdateStatus | null>(null);

  async function loadAbout(): Promise<void> {
    about.value = await call('app.about', {});
    status.value = about.value.update;
  }

  async function loadStatus(): Promise<void> {
    status.value = await call('update.status', {});
  }

  async function check(): Promise<void> {
    status.value = await call('update.check', {});
  }

  async function install(when: 'next-start' | 'now'): Promise<void> {
    status.value = await call('update.install', { when });
  }

  return { about, status, loadAbout, loadStatus, check, install };
});
