import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  CheckOption,
  CheckRow,
  DiaryRow,
  HeadCount,
  UncheckedTopic,
} from '../../../common/contract/supervision';
import { mayCall } from '../../../common/permissions';
import { call } from '../api/client';
import { useSessionStore } from './session';

/** The deputy head's diary and the journal checks. */
export const useSupervisionStore = defineStore('supervision', () => {
  const diary = ref<DiaryRow[]>([]);
  const checks = ref<CheckRow[]>([]);
  const unchecked = ref<UncheckedTopic[]>([]);
  const headCount = ref<HeadCount | null>(null);
  const options = ref<CheckOption[]>([]);
  const loading = ref(false);

  async function loadDiary(month: string): Promise<void> {
    loading.value = true;
    try {
      diary.value = await call('supervision.diary', { month });
    } finally {
      loading.value = false;
    }
  }

  async function saveEntry(input: Input<'supervision.diarySave'>): Promise<void> {
    await call('supervision.diarySave', input);
  }

  async function deleteEntry(id: number): Promise<void> {
    await call('supervision.diaryDelete', { id });
  }

  /** The list, and what the user's role sees beside it: the deputy's panel, the head's count. */
  async function loadChecks(): Promise<void> {
    const role = useSessionStore().role;
    loading.value = true;
    try {
      checks.value = await call('supervision.checks', {});
      unchecked.value = role === 'deputy' ? await call('supervision.unchecked', {}) : [];
      headCount.value = role === 'head' ? await call('supervision.headCount', {}) : null;
      options.value =
        role && mayCall('supervision.options', role) ? await call('supervision.options', {}) : [];
    } finally {
      loading.value = false;
    }
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
    loading,
    loadDiary,
    saveEntry,
    deleteEntry,
    loadChecks,
    saveCheck,
    deleteCheck,
  };
});
