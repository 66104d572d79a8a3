import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  SubstitutionEntry,
  SubstitutionOptions,
  SubstitutionRow,
} from '../../../common/contract/substitution';
import { call } from '../api/client';

/** Substitutions: the managers' register of them, a teacher's own on either side. */
export const useSubstitutionStore = defineStore('substitution', () => {
  const rows = ref<SubstitutionRow[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      rows.value = await call('substitution.list', {});
    } finally {
      loading.value = false;
    }
  }

  /** The groups, their teachers and the possible substitutes of a period, for the form. */
  function options(fromDate: string, toDate: string): Promise<SubstitutionOptions> {
    return call('substitution.options', { fromDate, toDate });
  }

  /** What the substitute entered on the absent teacher's behalf. */
  function entries(id: number): Promise<SubstitutionEntry[]> {
    return call('substitution.entries', { id });
  }

  async function create(input: Input<'substitution.create'>): Promise<void> {
    await call('substitution.create', input);
    await load();
  }

  async function end(id: number): Promise<void> {
    await call('substitution.end', { id });
    await load();
  }

  return { rows, loading, load, options, entries, create, end };
});
