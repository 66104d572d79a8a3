import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  AutoBackupSettings,
  BackupStatus,
  ExportResult,
  FolderListing,
  RestoreResult,
} from '../../../common/contract/backup';
import type { Input } from '../../../common/contract';
import { call } from '../api/client';

/** Backups: export and restore, the automatic-backup settings and the head's failure notice. */
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

  function exportBackup(input: Input<'backup.export'>): Promise<ExportResult> {
    return call('backup.export', input);
  }

  /** Replaces the register; the backend closes the session, so the caller sends her to login. */
  function restore(input: Input<'backup.restore'>): Promise<RestoreResult> {
    return call('backup.restore', input);
  }

  /** The same from the first-run screen of a new PC. */
  function restoreAtSetup(input: Input<'backup.restoreSetup'>): Promise<RestoreResult> {
    return call('backup.restoreSetup', input);
  }

  /**
   * Browser mode's picker: one folder's subfolders (and backups). Before anyone has logged in,
   * on a new PC's first-run screen, the setup variant answers.
   */
  function browse(input: Input<'backup.browse'>, atSetup: boolean): Promise<FolderListing> {
    return call(atSetup ? 'backup.browseSetup' : 'backup.browse', input);
  }

  return {
    auto,
    status,
    loadAuto,
    saveAuto,
    loadStatus,
    exportBackup,
    restore,
    restoreAtSetup,
    browse,
  };
});
