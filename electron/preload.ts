// Runs sandboxed: it may require only 'electron' (no relative modules), so it stays one file and
// imports nothing else at run time. The type imports below are erased by the compiler.
import { contextBridge, ipcRenderer } from 'electron';
import type { CallResult } from '../common/errors';

/**
 * window.register in the desktop app. The renderer derives its type from here with
 * `import type { RegisterBridge } from '…/electron/preload'` (never a value import).
 */
export type RegisterBridge = {
  call(method: string, input: unknown): Promise<CallResult>;
  /**
   * The system's Open dialog for a backup folder ('folder') or a backup file ('backup'),
   * opened at `current`; the chosen full path, or null when cancelled (electron/file-dialogs.ts).
   */
  choosePath(request: { kind: 'folder' | 'backup'; current: string }): Promise<string | null>;
};

const bridge: RegisterBridge = {
  // Only these two arguments cross over; the renderer never gets ipcRenderer or its event.
  call: (method: string, input: unknown) =>
    ipcRenderer.invoke('register:call', method, input) as Promise<CallResult>,
  choosePath: (request) =>
    ipcRenderer.invoke('register:choose-path', {
      kind: request.kind,
      current: request.current,
    }) as Promise<string | null>,
};

contextBridge.exposeInMainWorld('register', bridge);
