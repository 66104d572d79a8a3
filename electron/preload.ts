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
};

const bridge: RegisterBridge = {
  // Only these two arguments cross over; the renderer never gets ipcRenderer or its event.
  call: (method: string, input: unknown) =>
    ipcRenderer.invoke('register:call', method, input) as Promise<CallResult>,
};

contextBridge.exposeInMainWorld('register', bridge);
