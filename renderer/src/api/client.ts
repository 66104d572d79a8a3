import type { Input, Method, Output } from '../../../common/contract';
import { ApiCallError, type CallResult } from '../../../common/errors';

const TOKEN_KEY = 'register.token';

/** Browser mode: the per-run token arrives in the URL fragment once and is kept for the tab. */
export function takeTokenFromUrl(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

async function transport(method: string, input: unknown): Promise<CallResult> {
  if (window.register) return window.register.call(method, input);
  const response = await fetch(`api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-register-token': sessionStorage.getItem(TOKEN_KEY) ?? '',
    },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as CallResult;
}

type Listener = (error: ApiCallError) => void;
const listeners: Listener[] = [];

/** Lets the session store hear about expired sessions from any call. */
export function onApiError(listener: Listener): void {
  listeners.push(listener);
}

/** The session's own background calls, which nobody waits for: not shown as loading. */
const BACKGROUND: ReadonlySet<string> = new Set([
  'app.state',
  'app.now',
  'session.ping',
  'session.setDirty',
]);
let waiting = 0;
const waitListeners: ((count: number) => void)[] = [];

/** Hears how many calls a person is waiting for (the layout's loading bar). */
export function onWaiting(listener: (count: number) => void): void {
  waitListeners.push(listener);
}

function countWaiting(by: number): void {
  waiting += by;
  waitListeners.forEach((listener) => listener(waiting));
}

/**
 * Calls the backend; the input and result are typed by the method's name. `ahead`: asked for
 * before anyone wants it (the month grid's next months), so nobody is shown waiting for it.
 */
export async function call<M extends Method>(
  method: M,
  input: Input<M>,
  options: { ahead?: boolean } = {},
): Promise<Output<M>> {
  const counted = !BACKGROUND.has(method) && !options.ahead;
  if (counted) countWaiting(1);
  let result: CallResult;
  try {
    result = await transport(method, input);
  } finally {
    if (counted) countWaiting(-1);
  }
  if (result.ok) return result.result as Output<M>;
  const error = new ApiCallError(result.error);
  listeners.forEach((listener) => listener(error));
  throw error;
}
