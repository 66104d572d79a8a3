import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  ApplicationSummary,
  ChildSummary,
  GroupSummary,
  GuardianSummary,
} from '../../../common/contract/people';
import { call } from '../api/client';

/** Groups, children and parent applications as the current user may see them. */
export const usePeopleStore = defineStore('people', () => {
  const groups = ref<GroupSummary[]>([]);
  const children = ref<ChildSummary[]>([]);
  const applications = ref<ApplicationSummary[]>([]);
  const loading = ref(false);
  const filter = ref<Input<'children.list'>>({});

  async function loadGroups(all = false): Promise<void> {
    groups.value = await call('groups.list', { all });
  }

  async function loadChildren(next?: Input<'children.list'>): Promise<void> {
    if (next) filter.value = next;
    loading.value = true;
    try {
      children.value = await call('children.list', filter.value);
    } finally {
      loading.value = false;
    }
  }

  async function loadApplications(): Promise<void> {
    loading.value = true;
    try {
      applications.value = await call('applications.list', {});
    } finally {
      loading.value = false;
    }
  }

  /** Parents in the register whose name matches (diacritics-insensitive, on the backend). */
  async function findGuardians(search: string): Promise<GuardianSummary[]> {
    return call('guardians.list', { search: search.trim().slice(0, 60) || undefined });
  }

  return {
    groups,
    children,
    applications,
    loading,
    filter,
    loadGroups,
    loadChildren,
    loadApplications,
    findGuardians,
  };
});
