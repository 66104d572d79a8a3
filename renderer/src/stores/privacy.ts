import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AnonymiseResult, RetentionRow } from '../../../common/contract/privacy';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice';
import { call } from '../api/client';
import { loadFlags } from './waiting';
import { download } from '../download';
import { useSessionStore } from './session';

export const RETENTION_PAGE = 50;

/** A child's data on request, the retention of left children's records, the privacy notice. */
export const usePrivacyStore = defineStore('privacy', () => {
  const years = ref(5);
  const rows = shallowRef<RetentionRow[]>([]);
  const total = ref(0);
  const offset = ref(0);
  const flags = loadFlags();

  async function loadRetention(from = 0): Promise<void> {
    flags.start();
    try {
      const page = await call('privacy.retention', { offset: from, limit: RETENTION_PAGE });
      years.value = page.years;
      rows.value = page.rows;
      total.value = page.total;
      offset.value = from;
    } finally {
      flags.stop();
    }
  }

  async function setRetention(value: number): Promise<void> {
    const page = await call('privacy.setRetention', { years: value });
    years.value = page.years;
    rows.value = page.rows;
    total.value = page.total;
    offset.value = 0;
  }

  async function anonymise(childIds: number[]): Promise<AnonymiseResult> {
    const result = await call('privacy.anonymise', { childIds });
    await loadRetention(0);
    return result;
  }

  /** Both files of a child's data on request: the PDF for people and the JSON for machines. */
  async function exportChild(childId: number): Promise<void> {
    const files = await call('privacy.childExport', { childId });
    download(files.pdf);
    download(files.json);
  }

  async function acknowledgeNotice(): Promise<void> {
    useSessionStore().apply(await call('privacy.acknowledge', { version: PRIVACY_NOTICE_VERSION }));
  }

  return {
    years,
    rows,
    total,
    offset,
    loading: flags.shown,
    pending: flags.pending,
    loadRetention,
    setRetention,
    anonymise,
    exportChild,
    acknowledgeNotice,
  };
});
