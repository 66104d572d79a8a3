import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  ArchiveStatus,
  Charts,
  Home,
  HomeItem,
  JournalPrint,
  Report,
  ReportItem,
} from '../../../common/contract/overview';
import { call } from '../api/client';
import { loadFlags } from './waiting';
import { download } from '../download';

/** How often a running archive is asked for its progress. */
const POLL_MS = 500;

/** What is due at a glance: the home list, the report, the charts, the archive, the prints. */
export const useOverviewStore = defineStore('overview', () => {
  const home = ref<HomeItem[]>([]);
  /** The school year the home list is judged in: the report's and the archive's default. */
  const schoolYear = ref<Home['schoolYear'] | null>(null);
  const homeLoaded = ref(false);
  const report = ref<Report | null>(null);
  const items = ref<ReportItem[]>([]);
  const charts = ref<Charts | null>(null);
  const archive = ref<ArchiveStatus | null>(null);
  const flags = loadFlags();
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Lists are emptied before a load: the store outlives a logout, so another user's rows never show.
  async function loadHome(): Promise<void> {
    home.value = [];
    homeLoaded.value = false;
    const loaded = await call('overview.home', {});
    home.value = loaded.items;
    schoolYear.value = loaded.schoolYear;
    homeLoaded.value = true;
  }

  async function loadReport(from: string, to: string): Promise<void> {
    flags.start();
    report.value = null;
    try {
      report.value = await call('overview.report', { from, to });
    } finally {
      flags.stop();
    }
  }

  async function loadItems(input: Input<'overview.reportItems'>): Promise<void> {
    items.value = [];
    items.value = await call('overview.reportItems', input);
  }

  async function exportReport(from: string, to: string, format: 'pdf' | 'xlsx'): Promise<void> {
    download(await call('overview.reportExport', { from, to, format }));
  }

  async function loadCharts(schoolYear: number): Promise<void> {
    flags.start();
    charts.value = null;
    try {
      charts.value = await call('overview.charts', { schoolYear });
    } finally {
      flags.stop();
    }
  }

  async function printJournal(journal: JournalPrint, from: string, to: string): Promise<void> {
    download(await call('overview.journalPrint', { journal, from, to }));
  }

  function stopPolling(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  /** Asks for the job's state until it is no longer running. */
  function poll(): void {
    stopPolling();
    timer = setTimeout(() => {
      const job = archive.value;
      if (!job || job.state !== 'running') return;
      void call('overview.archiveStatus', { jobId: job.jobId })
        .then((status) => {
          archive.value = status;
          if (status.state === 'running') poll();
        })
        .catch(() => stopPolling());
    }, POLL_MS);
  }

  function groups(from: string, to: string) {
    return call('overview.groups', { from, to });
  }

  async function startArchive(input: Input<'overview.archiveStart'>): Promise<void> {
    archive.value = await call('overview.archiveStart', input);
    poll();
  }

  async function cancelArchive(): Promise<void> {
    if (!archive.value) return;
    stopPolling();
    archive.value = await call('overview.archiveCancel', { jobId: archive.value.jobId });
  }

  async function downloadArchive(index: number): Promise<void> {
    if (!archive.value) return;
    download(await call('overview.archiveFile', { jobId: archive.value.jobId, index }));
  }

  return {
    home,
    homeLoaded,
    schoolYear,
    report,
    items,
    charts,
    archive,
    loading: flags.shown,
    loadHome,
    loadReport,
    loadItems,
    exportReport,
    loadCharts,
    printJournal,
    groups,
    startArchive,
    cancelArchive,
    downloadArchive,
    stopPolling,
  };
});
