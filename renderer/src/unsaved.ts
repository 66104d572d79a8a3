import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { hasUnsaved, setUnsaved } from './dirty';

/**
 * Asking before typed work is lost: one question at a time ("leave without saving?"), shown by
 * components/LeaveDialog.vue, and the drafts kept when the idle logout closes the register
 * under someone's typing.
 *
 * Drafts stay in this window's memory only, never in localStorage or a file: the register's
 * personal data lives in the encrypted database alone, and the database is closed after an idle
 * logout, so a draft cannot go there either. A draft is given back to the same user after the
 * next login; another user's login, or closing the window, drops every draft.
 */

export type LeaveQuestion = 'leave' | 'discard';

/** The open question, if any; LeaveDialog answers it. */
export const question = ref<{ kind: LeaveQuestion; answer: (leave: boolean) => void } | null>(null);
let answeredAt = 0;

/**
 * Asks whether to drop the unsaved input. While a question is open (or was just answered by the
 * same key press) a second ask answers "stay": an Escape reaches both dialogs at once.
 */
export function ask(kind: LeaveQuestion = 'leave'): Promise<boolean> {
  if (question.value || Date.now() - answeredAt < 300) return Promise.resolve(false);
  return new Promise((resolve) => {
    question.value = {
      kind,
      answer: (leave) => {
        question.value = null;
        answeredAt = Date.now();
        resolve(leave);
      },
    };
  });
}

/** True when nothing is unsaved or the person chose to leave it. */
export async function mayLeave(): Promise<boolean> {
  return !hasUnsaved() || ask('leave');
}

/* Drafts */

/** A screen or form that can hand over what was typed and take it back later. */
export interface DraftSource {
  take(): unknown;
}

const sources = new Map<string, DraftSource>();
const drafts = new Map<string, unknown>();
let draftsOf: number | null = null;

/** Registers `source` under `key` while it holds unsaved input (unregister when saved). */
export function offerDraft(key: string, source: DraftSource | null): void {
  if (source) sources.set(key, source);
  else sources.delete(key);
}

/** The idle logout: keep what every registered source holds, for this user. */
export function keepDrafts(userId: number): void {
  draftsOf = userId;
  for (const [key, source] of sources) drafts.set(key, source.take());
  sources.clear();
}

/** At login: another user's drafts are dropped unread. */
export function draftsFor(userId: number): void {
  if (draftsOf !== userId) drafts.clear();
  draftsOf = userId;
}

/** A kept draft, handed over once. */
export function takeDraft<T>(key: string): T | undefined {
  const draft = drafts.get(key) as T | undefined;
  drafts.delete(key);
  return draft;
}

export function hasDraft(key: string): boolean {
  return drafts.has(key);
}

/* Forms */

const dirtyForms = new Set<string>();
let formCount = 0;

/**
 * A form's unsaved input, for the window's flag (dirty.ts: no update installs under it) and for
 * the question when its dialog is closed with Escape or ×. Returns the form's name.
 */
export function useFormUnsaved(dirty: Ref<boolean>, draft?: { key: string; take: () => unknown }) {
  const name = `form:${++formCount}`;
  watch(
    dirty,
    (value) => {
      if (value) dirtyForms.add(name);
      else dirtyForms.delete(name);
      setUnsaved(name, value);
      if (draft) offerDraft(draft.key, value ? { take: draft.take } : null);
    },
    // At once: a submit's action may navigate before a later flush would have run.
    { immediate: true, flush: 'sync' },
  );
  onBeforeUnmount(() => {
    dirtyForms.delete(name);
    setUnsaved(name, false);
    if (draft) offerDraft(draft.key, null);
  });
  return name;
}

export function hasDirtyForm(): boolean {
  return dirtyForms.size > 0;
}
