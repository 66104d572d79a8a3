import { shallowRef } from 'vue';

/** What browser mode's picker is asked for: a folder, or a backup file, starting at `current`. */
export interface PathRequest {
  kind: 'folder' | 'backup';
  current: string;
  answer(path: string | null): void;
}

/** The open request; PathPickerDialog.vue (mounted once in App.vue) shows it while it is set. */
export const pathRequest = shallowRef<PathRequest | null>(null);

/** Opens the picker and resolves with the chosen full path, or null when it is cancelled. */
export function askPath(kind: PathRequest['kind'], current: string): Promise<string | null> {
  pathRequest.value?.answer(null);
  return new Promise((resolve) => {
    pathRequest.value = {
      kind,
      current,
      answer: (path) => {
        pathRequest.value = null;
        resolve(path);
      },
    };
  });
}
