import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  LaterRow,
  PlanDetail,
  PlanVersionRow,
  SheetData,
  TopicInput,
} from '../../../common/contract/planning';
import { call } from '../api/client';

/** A topic's text not yet saved, kept per user so that an idle logout loses nothing. */
export interface TopicDraft {
  topicId: number | null;
  values: TopicInput;
}

const draftKey = (userId: number, groupId: number, month: string) =>
  `planning.draft.${userId}.${groupId}.${month}`;

export { download } from '../download';

/** Monthly plans, the assessment sheet and the to-assess-later list. */
export const usePlanningStore = defineStore('planning', () => {
  const plan = ref<PlanDetail | null>(null);
  const versions = ref<PlanVersionRow[]>([]);
  const sheet = ref<SheetData | null>(null);
  const later = ref<LaterRow[]>([]);

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

  async function submit(): Promise<void> {
    const planId = plan.value?.id;
    if (!planId) return;
    plan.value = await call('planning.submit', { planId });
    versions.value = await call('planning.versions', { planId });
  }

  // Drafts live in sessionStorage: they survive the idle logout's return to the login screen.
  function keepDraft(userId: number, groupId: number, month: string, draft: TopicDraft): void {
    sessionStorage.setItem(draftKey(userId, groupId, month), JSON.stringify(draft));
  }
  function takeDraft(userId: number, groupId: number, month: string): TopicDraft | null {
    const raw = sessionStorage.getItem(draftKey(userId, groupId, month));
    return raw ? (JSON.parse(raw) as TopicDraft) : null;
  }
  function dropDraft(userId: number, groupId: number, month: string): void {
    sessionStorage.removeItem(draftKey(userId, groupId, month));
  }

  async function loadSheet(topicId: number): Promise<void> {
    sheet.value = await call('planning.sheet', { topicId });
  }

  async function mark(input: Input<'planning.mark'>): Promise<void> {
    sheet.value = await call('planning.mark', input);
  }

  async function loadLater(groupId?: number): Promise<void> {
    later.value = await call('planning.later', groupId ? { groupId } : {});
  }

  return {
    plan,
    versions,
    sheet,
    later,
    loadPlan,
    saveTopic,
    submit,
    keepDraft,
    takeDraft,
    dropDraft,
    loadSheet,
    mark,
    loadLater,
  };
});
