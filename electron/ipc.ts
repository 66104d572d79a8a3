import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CallResult, ErrorCode } from '../common/errors';
import { DEFAULT_LOCALE, type Locale } from '../common/locale';
import { message } from '../common/messages';
import { safeText } from './api/safe-log';
import { isTrustedSender } from './security';

/** The one IPC channel of the app; the preload's call() invokes it. */
export const IPC_CHANNEL = 'register:call';

/** What the IPC layer needs of the router; a fake with call() is enough in tests. */
export interface IpcRouter {
  call(method: string, input: unknown): Promise<CallResult>;
  readonly state?: { readonly locale: Locale };
}

function refusal(router: IpcRouter, code: ErrorCode): CallResult {
  const locale = router.state?.locale ?? DEFAULT_LOCALE;
  return { ok: false, error: { code, message: message(locale, `error.${code}`) } };
}

/**
 * The checks made on every IPC call before the router sees it: the sender must be a frame of our
 * own app:// page, and the method a string. Pure, so that it is tested without Electron.
 */
export async function handleIpcCall(
  router: IpcRouter,
  frameUrl: string | undefined,
  method: unknown,
  input: unknown,
): Promise<CallResult> {
  if (!isTrustedSender(frameUrl)) {
    console.warn('IPC call refused: untrusted sender', String(frameUrl).slice(0, 200));
    return refusal(router, 'FORBIDDEN');
  }
  if (typeof method !== 'string') return refusal(router, 'BAD_REQUEST');
  try {
    return await router.call(method, input);
  } catch (err) {
    // The router answers errors itself; this only keeps a bug from rejecting into the renderer
    // with a main-process stack trace in its message.
    console.error('IPC call failed:', safeText(err));
    return refusal(router, 'INTERNAL');
  }
}

/** Wires the channel; ipcMain is passed in so that this file never loads 'electron' itself. */
export function registerIpc(ipcMain: IpcMain, router: IpcRouter): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    handleIpcCall(router, event.senderFrame?.url, method, input),
  );
}
