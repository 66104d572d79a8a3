import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AuditFilter, AuditOptions, AuditRow } from '../../../common/contract/audit';
import type { ChildSummary } from '../../../common/contract/people';
import { call } from '../api/client';
import { loadFlags } from './waiting';
import { download } from '../download';

export const AUDIT_PAGE = 50;

/**
 * The head's audit viewer: one page of events at a time, cut and counted by the backend. The
 * rows are read-only plain data (shallowRef): a page is replaced, never edited.
 */
export const useAuditStore = defineStore('audit', () => {
  const rows = shallowRef<AuditRow[]>([]);
  const total = ref(0);
  const offset = ref(0);
  const flags = loadFlags();
  const options = shallowRef<AuditOptions>({ users: [], groups: [] });

  async function loadOptions(): Promise<void> {
    options.value = await call('audit.options', {});
  }

  async function load(filter: AuditFilter, from = 0): Promise<void> {
    flags.start();
    try {
      const page = await call('audit.list', { ...filter, offset: from, limit: AUDIT_PAGE });
      rows.value = page.rows;
      total.value = page.total;
      offset.value = from;
    } finally {
      flags.stop();
    }
  }

  /** Forgets the page (a screen opened anew starts empty, not with the last visit's rows). */
  function clear(): void {
    rows.value = [];
    total.value = 0;
    offset.value = 0;
  }

  async function exportXlsx(filter: AuditFilter): Promise<void> {
    download(await call('audit.export', filter));
  }

  /** Children by name for the filter, also those who have left. */
  async function findChildren(search: string): Promise<ChildSummary[]> {
    return (await call('children.list', { search, includeLeft: true })).rows;
  }

  return {
    rows,
    total,
    offset,
    loading: flags.shown,
    options,
    loadOptions,
    load,
    clear,
    exportXlsx,
    findChildren,
  };
});
