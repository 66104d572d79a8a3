import { defineStore } from 'pinia';
import { ref } from 'vue';
import { onWaiting } from '../api/client';

/** Shown only past this: a quick answer should not flash a bar. */
const SHOW_AFTER_MS = 250;

/**
 * Whether the person is waiting for the backend (a screen loading, a save, an export): the
 * layout's loading bar and its main area's aria-busy. Every call counts but the session's polls.
 */
export const useWaitingStore = defineStore('waiting', () => {
  const busy = ref(false);
  const visible = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onWaiting((count) => {
    busy.value = count > 0;
    clearTimeout(timer);
    if (count === 0) visible.value = false;
    else if (!visible.value) timer = setTimeout(() => (visible.value = busy.value), SHOW_AFTER_MS);
  });
  return { busy, visible };
});
