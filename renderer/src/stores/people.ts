import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  ChildDetail,
  ChildSummary,
  GroupSummary,
  GuardianSummary,
} from '../../../common/contract/people';
import type {
  ApplicationSummary,
  FileDownload,
  ImportPreview,
} from '../../../common/contract/applications';
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

  /** One child with her enrolments and guardians, if she is in a group the user may see. */
  async function getChild(id: number): Promise<ChildDetail> {
    return call('children.get', { id });
  }

  /** The full personal code (head, deputy); the backend records every reveal. */
  async function revealCode(id: number): Promise<string> {
    return (await call('children.revealCode', { id })).personalCode;
  }

  /** Ends a teacher's assignment in a group on the date (her history stays). */
  async function endTeacher(assignmentId: number, toDate: string): Promise<void> {
    await call('groups.endTeacher', { assignmentId, toDate });
  }

  /** "Pielikums Nr.1": blank without an id, prefilled from the application with one. */
  async function applicationPdf(id?: number): Promise<FileDownload> {
    return call('applications.pdf', id === undefined ? {} : { id });
  }

  /** What the file would import, row by row; the backend writes nothing. */
  async function previewImport(file: Input<'import.preview'>): Promise<ImportPreview> {
    return call('import.preview', file);
  }

  /** The backend checks the file again and writes every valid row in one go. */
  async function confirmImport(
    file: Input<'import.confirm'>,
  ): Promise<{ imported: number; skipped: number }> {
    return call('import.confirm', file);
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
    getChild,
    revealCode,
    endTeacher,
    applicationPdf,
    previewImport,
    confirmImport,
  };
});
