import { onBeforeUnmount, watch, type Ref } from 'vue';
import { call } from './api/client';

/**
 * This window's "unsaved input" flag, as the backend needs it to never install an update under
 * someone's typing. A form (or the unsaved-changes guard of the daily-use work) reports itself
 * under a name; the window is dirty while any name is. Only the changes of the whole window's
 * state reach the backend ('session.setDirty'), so typing costs no calls.
 */

/** A reload is a new window; the backend forgets a session's windows when it ends. */
const windowId = crypto.randomUUID();
const unsaved = new Set<string>();
let reported = false;

function report(): void {
  const dirty = unsaved.size > 0;
  if (dirty === reported) return;
  reported = dirty;
  void call('session.setDirty', { windowId, dirty }).catch(() => {
    // Logged out (the backend then holds no unsaved input for us) or unreachable: report again
    // at the next change.
    reported = false;
  });
}

export function setUnsaved(source: string, isUnsaved: boolean): void {
  if (isUnsaved) unsaved.add(source);
  else unsaved.delete(source);
  report();
}

export function hasUnsaved(): boolean {
  return unsaved.size > 0;
}

/** In a component: reports `dirty` under `source` while the component lives. */
export function useUnsaved(source: string, dirty: Ref<boolean>): void {
  watch(dirty, (value) => setUnsaved(source, value), { immediate: true });
  onBeforeUnmount(() => setUnsaved(source, false));
}
