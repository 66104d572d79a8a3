import { request } from 'node:http';
import type { Method } from '../../common/contract';
import type { ApiErrorBody, CallResult } from '../../common/errors';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../common/locale';
import { message } from '../../common/messages';
import { SESSION_HEADER } from '../server/https-server';
import { connectPinned, FingerprintMismatch } from './pinned-tls';

export interface ServerChoice {
  /** https://host:port */
  address: string;
  /** SHA-256 of the server's certificate, "AB:CD:…" (common/contract/client.ts normalises it). */
  fingerprint: string;
}

/** Longest a call may take: a big import travels, but a dead server must not hang the UI. */
const CALL_TIMEOUT_MS = 120_000;

/**
 * A PC of a kindergarten with a server: its main process forwards the renderer's calls to the
 * server over pinned HTTPS (./pinned-tls.ts). The session token lives only here, in this
 * process's memory: the renderer never sees it and nothing writes it to disk. Calls run one at
 * a time, as they do on a PC that keeps the register itself.
 */
export class RemoteRouter {
  private token?: string;
  private locale: Locale = DEFAULT_LOCALE;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly url: URL;

  constructor(readonly choice: ServerChoice) {
    this.url = new URL(choice.address);
  }

  /** The language of this PC's messages (the server's follow app.setLocale). */
  get state(): { readonly locale: Locale } {
    return { locale: this.locale };
  }

  call(method: string, input: unknown): Promise<CallResult> {
    const run = this.queue.then(() => this.send(method, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Logs out on the server if logged in (best effort) and forgets the token. */
  async dispose(): Promise<void> {
    if (this.token) await this.call('auth.logout', {}).catch(() => undefined);
    this.token = undefined;
  }

  private async send(method: string, input: unknown): Promise<CallResult> {
    let socket;
    try {
      socket = await connectPinned(this.url, this.choice.fingerprint);
    } catch (err) {
      return { ok: false, error: this.refusal(err) };
    }
    const body = JSON.stringify(input ?? {});
    const result = await new Promise<CallResult>((resolve) => {
      const req = request(
        {
          method: 'POST',
          host: this.url.hostname,
          path: `/api/${encodeURIComponent(method)}`,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(this.token ? { [SESSION_HEADER]: this.token } : {}),
          },
          // The connection is the pinned one, already through its handshake.
          createConnection: () => socket,
          timeout: CALL_TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const token = res.headers[SESSION_HEADER];
            if (typeof token === 'string' && token) this.token = token;
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallResult);
            } catch {
              resolve({ ok: false, error: this.refusal(new Error(`HTTP ${res.statusCode}`)) });
            }
          });
          res.on('error', (err) => resolve({ ok: false, error: this.refusal(err) }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => resolve({ ok: false, error: this.refusal(err) }));
      req.end(body);
    });
    this.follow(method as Method, input, result);
    return result;
  }

  /** Keeps the language of this PC's own messages with the session's. */
  private follow(method: Method, input: unknown, result: CallResult): void {
    if (!result.ok) return;
    const wanted =
      method === 'app.setLocale'
        ? (input as { locale?: unknown }).locale
        : method === 'app.state'
          ? (result.result as { locale?: unknown }).locale
          : undefined;
    if (LOCALES.includes(wanted as Locale)) this.locale = wanted as Locale;
    if (method === 'app.state') (result.result as { server?: string }).server = this.url.origin;
  }

  private refusal(err: unknown): ApiErrorBody {
    const address = this.url.origin;
    if (err instanceof FingerprintMismatch) {
      return {
        code: 'CERTIFICATE_MISMATCH',
        message: message(this.locale, 'server.fingerprintMismatch', {
          address,
          actual: err.actual,
          expected: this.choice.fingerprint,
        }),
      };
    }
    const reason = err instanceof Error ? err.message : String(err);
    return {
      code: 'UNAVAILABLE',
      message: message(this.locale, 'server.unreachable', { address, reason }),
    };
  }
}
