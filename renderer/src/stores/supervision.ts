import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  CheckOption,
  CheckPage,
  CheckRow,
  DiaryRow,
  HeadCount,
  UncheckedTopic,
} from '../../../common/contract/supervision';
import type { Page } from '../../../common/contract/paging';
import { mayCall } from '../../../common/permissions';
import { call } from '../api/client';
import { pagedList } from './paged';
import { useSessionStore } from './session';

type CheckFilter = Omit<Input<'supervision.checks'>, 'limit' | 'offset'>;

/** The deputy head's diary and the journal checks, a page of each at a time. */
export const useSupervisionStore = defineStore('supervision', () => {
  const diary = pagedList<DiaryRow, { month?: string }, Page<DiaryRow>>(
    (input) => call('supervision.diary', input),
    {},
  );
  const checks = pagedList<CheckRow, CheckFilter, CheckPage>(
    (input) => call('supervision.checks', input),
    {},
  );
  const unchecked = ref<UncheckedTopic[]>([]);
  const headCount = ref<HeadCount | null>(null);
  const options = ref<CheckOption[]>([]);

  async function loadDiary(month: string): Promise<void> {
    await diary.load({ month });
  }

  async function saveEntry(input: Input<'supervision.diarySave'>): Promise<void> {
    await call('supervision.diarySave', input);
  }

  async function deleteEntry(id: number): Promise<void> {
    await call('supervision.diaryDelete', { id });
  }

  /**
   * The list (its first page with the filters changed as given; without, the page shown again)
   * and what the user's role sees beside it: the deputy's panel, the head's count.
   */
  async function loadChecks(filter?: CheckFilter): Promise<void> {
    const role = useSessionStore().role;
    await Promise.all([
      filter ? checks.load(filter) : checks.goTo(checks.first.value),
      (async () => {
        unchecked.value = role === 'deputy' ? await call('supervision.unchecked', {}) : [];
      })(),
      (async () => {
        headCount.value = role === 'head' ? await call('supervision.headCount', {}) : null;
      })(),
    ]);
  }

  /** The check form's choices, when the form opens. */
  async function loadOptions(): Promise<void> {
    const role = useSessionStore().role;
    options.value =
      role && mayCall('supervision.options', role) ? await call('supervision.options', {}) : [];
  }

  async function saveCheck(input: Input<'supervision.checkSave'>): Promise<void> {
    await call('supervision.checkSave', input);
  }

  async function deleteCheck(id: number): Promise<void> {
    await call('supervision.checkDelete', { id });
  }

  return {
    diary,
    checks,
    unchecked,
    headCount,
    options,
    loadDiary,
    saveEntry,
    deleteEntry,
    loadChecks,
    loadOptions,
    saveCheck,
    deleteCheck,
  };
});
