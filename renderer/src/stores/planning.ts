import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  PlanDetail,
  PlanListRow,
  PlanOverviewRow,
  PlanVersionRow,
  TopicInput,
} from '../../../common/contract/planning';
import { MAX_PAGE_SIZE, type Page, type YearPage } from '../../../common/contract/paging';
import { call } from '../api/client';
import { pagedList } from './paged';

/** A topic's text not yet saved, kept per user so that an idle logout loses nothing. */
export interface TopicDraft {
  topicId: number | null;
  values: TopicInput;
}

const drafts = new Map<string, TopicDraft>();
const draftKey = (userId: number, groupId: number, month: string) =>
  `planning.draft.${userId}.${groupId}.${month}`;

import { download } from '../download';

/** Monthly plans: the month's overview, one plan with its versions, earlier plans to copy. */
export const usePlanningStore = defineStore('planning', () => {
  const plan = ref<PlanDetail | null>(null);
  const versions = ref<PlanVersionRow[]>([]);
  const overview = pagedList<
    PlanOverviewRow,
    { month: string; groupId?: number },
    Page<PlanOverviewRow>
  >((input) => call('planning.overview', input), { month: '' });
  /** Earlier plans to copy from (a school year's), loaded for those who may write the plan. */
  const sources = pagedList<PlanListRow, { schoolYear?: number }, YearPage<PlanListRow>>(
    (input) => call('planning.list', input),
    {},
  );

  async function loadOverview(month: string, groupId?: number): Promise<void> {
    await overview.load({ month, groupId });
  }

  async function loadPlan(groupId: number, month: string): Promise<void> {
    const loaded = await call('planning.plan', { groupId, month });
    plan.value = loaded;
    const planId = loaded.id;
    versions.value = planId === null ? [] : await call('planning.versions', { planId });
  }

  async function saveTopic(input: Input<'planning.saveTopic'>): Promise<PlanDetail> {
    plan.value = await call('planning.saveTopic', input);
    return plan.value;
  }

  async function deleteTopic(topicId: number): Promise<PlanDetail> {
    plan.value = await call('planning.deleteTopic', { topicId });
    return plan.value;
  }

  async function copy(input: Input<'planning.copy'>): Promise<PlanDetail> {
    plan.value = await call('planning.copy', input);
    return plan.value;
  }

  /** A school year's plans to copy from (the current one by default), the most a page holds. */
  async function loadSources(schoolYear?: number): Promise<void> {
    sources.size.value = MAX_PAGE_SIZE;
    await sources.load({ schoolYear });
  }

  async function downloadPdf(planId: number): Promise<void> {
    download(await call('planning.planPdf', { planId }));
  }

  async function submit(): Promise<void> {
    const planId = plan.value?.id;
    if (!planId) return;
    plan.value = await call('planning.submit', { planId });
    versions.value = await call('planning.versions', { planId });
  }

  // Drafts live in this window's memory (they survive the idle logout's return to the login
  // screen), never in sessionStorage, which Chromium may write to disk: the text of a plan stays
  // inside the encrypted database or nowhere.
  function keepDraft(userId: number, groupId: number, month: string, draft: TopicDraft): void {
    drafts.set(draftKey(userId, groupId, month), structuredClone(draft));
  }
  function takeDraft(userId: number, groupId: number, month: string): TopicDraft | null {
    return drafts.get(draftKey(userId, groupId, month)) ?? null;
  }
  function dropDraft(userId: number, groupId: number, month: string): void {
    drafts.delete(draftKey(userId, groupId, month));
  }

  return {
    plan,
    versions,
    overview,
    sources,
    loadOverview,
    loadPlan,
    saveTopic,
    deleteTopic,
    copy,
    loadSources,
    downloadPdf,
    submit,
    keepDraft,
    takeDraft,
    dropDraft,
  };
});
