import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  LaterPage,
  LaterRow,
  MarkHistoryRow,
  ProgressData,
  SheetData,
} from '../../../common/contract/assessment';
import { call } from '../api/client';
import { download } from '../download';
import { pagedList } from './paged';

type LaterFilter = Omit<Input<'assessment.later'>, 'limit' | 'offset'>;

/** A topic's assessment sheet with its history, the to-assess-later list, a child's progress. */
export const useAssessmentStore = defineStore('assessment', () => {
  const sheet = ref<SheetData | null>(null);
  const history = ref<MarkHistoryRow[]>([]);
  const later = pagedList<LaterRow, LaterFilter, LaterPage>(
    (input) => call('assessment.later', input),
    {},
  );
  const progress = ref<ProgressData | null>(null);

  async function loadSheet(topicId: number): Promise<void> {
    if (sheet.value?.topicId !== topicId) history.value = [];
    sheet.value = await call('assessment.sheet', { topicId });
  }

  async function mark(input: Input<'assessment.mark'>): Promise<void> {
    sheet.value = await call('assessment.mark', input);
  }

  async function loadHistory(topicId: number): Promise<void> {
    history.value = await call('assessment.history', { topicId });
  }

  /** The to-assess-later list's first page with the filters given (a group's: its year). */
  async function loadLater(filter: LaterFilter = {}): Promise<void> {
    await later.load(filter);
  }

  async function loadProgress(childId: number): Promise<void> {
    progress.value = null;
    progress.value = await call('assessment.progress', { childId });
  }

  async function downloadProgress(childId: number): Promise<void> {
    download(await call('assessment.progressPdf', { childId }));
  }

  return {
    sheet,
    history,
    later,
    progress,
    loadSheet,
    mark,
    loadHistory,
    loadLater,
    loadProgress,
    downloadProgress,
  };
});
