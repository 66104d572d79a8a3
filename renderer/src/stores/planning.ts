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
import { call } from '../api/client';

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
  const overview = ref<PlanOverviewRow[]>([]);
  /** Earlier plans to copy from, loaded for those who may write the plan. */
  const sources = ref<PlanListRow[]>([]);

  // Lists are emptied before a load: the store outlives a logout, so another user's rows never show.
  async function loadOverview(month: string): Promise<void> {
    overview.value = [];
    overview.value = await call('planning.overview', { month });
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

  async function loadSources(): Promise<void> {
    sources.value = [];
    sources.value = await call('planning.list', {});
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
