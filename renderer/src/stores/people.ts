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
import type { Page, YearPage } from '../../../common/contract/paging';
import { call } from '../api/client';
import { pagedList } from './paged';

type ChildFilter = Omit<Input<'children.list'>, 'limit' | 'offset'>;
type ApplicationFilter = Omit<Input<'applications.list'>, 'limit' | 'offset'>;

/** Groups, children and parent applications as the current user may see them, a page at a time. */
export const usePeopleStore = defineStore('people', () => {
  const groups = ref<GroupSummary[]>([]);
  const children = pagedList<ChildSummary, ChildFilter, Page<ChildSummary>>(
    (input) => call('children.list', input),
    {},
  );
  const applications = pagedList<
    ApplicationSummary,
    ApplicationFilter,
    YearPage<ApplicationSummary>
  >((input) => call('applications.list', input), {});

  async function loadGroups(all = false): Promise<void> {
    groups.value = await call('groups.list', { all });
  }

  /** The first page with these filters; without, the page shown read again (after a change). */
  async function loadChildren(next?: ChildFilter): Promise<void> {
    if (next) await children.load({ search: undefined, groupId: undefined, ...next });
    else await children.goTo(children.first.value);
  }

  async function loadApplications(next?: ApplicationFilter): Promise<void> {
    if (next) await applications.load(next);
    else await applications.goTo(applications.first.value);
  }

  /** Children whose name holds the search, for a picker (a page's worth). */
  async function findChildren(search: string): Promise<ChildSummary[]> {
    return (await call('children.list', { search: search.trim().slice(0, 60) || undefined })).rows;
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
    loadGroups,
    loadChildren,
    loadApplications,
    findChildren,
    findGuardians,
    getChild,
    revealCode,
    endTeacher,
    applicationPdf,
    previewImport,
    confirmImport,
  };
});
