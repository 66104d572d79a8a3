// Runs sandboxed: it may require only 'electron' (no relative modules), so it stays one file and
// imports nothing else at run time. The type imports below are erased by the compiler.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiErrorBody } from '../common/errors';

/** What one call answers; the same shape as the router's CallResult. */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * window.register in the desktop app. The renderer derives its type from here with
 * `import type { RegisterBridge } from '…/electron/preload'` (never a value import).
 */
export type RegisterBridge = {
  call(method: string, input: unknown): Promise<BridgeResult>;
};

const bridge: RegisterBridge = {
  // Only these two arguments cross over; the renderer never gets ipcRenderer or its event.
  call: (method: string, input: unknown) =>
    ipcRenderer.invoke('register:call', method, input) as Promise<BridgeResult>,
};

contextBridge.exposeInMainWorld('register', bridge);
