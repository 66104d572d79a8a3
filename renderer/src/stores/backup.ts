import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AutoBackupSettings, BackupStatus } from '../../../common/contract/backup';
import type { Input } from '../../../common/contract';
import { call } from '../api/client';

/** Backups: the automatic-backup settings and the head's failure notice. */
export const useBackupStore = defineStore('backup', () => {
  const auto = ref<AutoBackupSettings | null>(null);
  const status = ref<BackupStatus | null>(null);

  async function loadAuto(): Promise<void> {
    auto.value = await call('backup.getAuto', {});
  }

  async function saveAuto(input: Input<'backup.saveAuto'>): Promise<void> {
    auto.value = await call('backup.saveAuto', input);
  }

  async function loadStatus(): Promise<void> {
    status.value = await call('backup.status', {});
  }

  return { auto, status, loadAuto, saveAuto, loadStatus };
});
