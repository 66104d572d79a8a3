import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import { onWaiting } from '../api/client';

/** Shown only past this: a quick answer should not flash a bar. */
const SHOW_AFTER_MS = 250;

/**
 * Whether the person is waiting for the backend (a screen loading, a save, an export): the
 * layout's loading bar and its main area's aria-busy. Every call counts but the session's polls.
 */
export const useWaitingStore = defineStore('waiting', () => {
  const flags = loadFlags();
  onWaiting((count) => {
    if (count === 0) flags.stop();
    else if (!flags.pending.value) flags.start();
  });
  return { busy: flags.pending, visible: flags.shown };
});

/**
 * A load's two flags: `pending` from its start (for "nothing here" notes, which must not show
 * before the answer) and `shown` only once it has taken SHOW_AFTER_MS (a table's loading mask:
 * a quick page neither flashes the mask nor waits for its fade-out before it is painted).
 */
export interface LoadFlags {
  pending: Ref<boolean>;
  shown: Ref<boolean>;
  start(): void;
  stop(): void;
}

export function loadFlags(): LoadFlags {
  const pending = ref(false);
  const shown = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    pending,
    shown,
    start() {
      pending.value = true;
      clearTimeout(timer);
      timer = setTimeout(() => (shown.value = pending.value), SHOW_AFTER_MS);
    },
    stop() {
      clearTimeout(timer);
      pending.value = false;
      shown.value = false;
    },
  };
}
