import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { ApiErrorBody } from '../common/errors';
import { DEFAULT_LOCALE } from '../common/locale';
import { message } from '../common/messages';
import { safeText } from './api/safe-log';
import type { IpcRouter } from './ipc';
import { CONTENT_SECURITY_POLICY } from './csp';

/** Request bodies above this are refused with 413 (an import file travels as base64). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
export const TOKEN_HEADER = 'x-register-token';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.json': 'application/json',
};

export interface WebServerOptions {
  /** This PC's router, or the forwarder to the kindergarten's server (client mode). */
  router: IpcRouter;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  token: string;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

function sendError(res: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(res, status, { ok: false, error });
}

/** The HTTP status of each error code (browser mode and server mode alike). */
export const STATUS: Partial<Record<ApiErrorBody['code'], number>> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TEST_ONLY: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  SETUP_DONE: 409,
  VALIDATION: 422,
  BAD_CREDENTIALS: 401,
  LOCKED: 429,
  BAD_REQUEST: 400,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  CERTIFICATE_MISMATCH: 502,
};

/**
 * Only pages of this server may talk to it: the Host must be the loopback address and port it
 * listens on, and an Origin, when the browser sends one, the same. Another name that resolves to
 * 127.0.0.1 (DNS rebinding) or a page of another site is refused before the token is looked at.
 */
export function isOwnRequest(req: IncomingMessage): boolean {
  const own = `127.0.0.1:${req.socket.localPort}`;
  if (req.headers.host !== own) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${own}`;
}

/** decodeURIComponent without the throw: a malformed escape ("/%") is the client's error. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the same router over HTTP on 127.0.0.1. Every /api/ request must carry the
 * per-run token (checked before anything else), so another local program or web page cannot
 * call the register.
 */
export function createWebServer({ router, staticDir, token }: WebServerOptions): Server {
  const locale = () => router.state?.locale ?? DEFAULT_LOCALE;
  return createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error(safeText(err));
      if (!res.headersSent) {
        sendError(res, 500, {
          code: 'INTERNAL',
          message: message(locale(), 'error.INTERNAL'),
        });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    if (!isOwnRequest(req)) {
      req.resume();
      const text = message(locale(), 'error.FORBIDDEN');
      if (isApi) sendError(res, 403, { code: 'FORBIDDEN', message: text });
      else res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
      return;
    }
    if (isApi) {
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        req.resume();
        sendError(res, 401, { code: 'UNAUTHENTICATED', message: 'Missing or wrong token.' });
        return;
      }
      const bad = (text: string) => sendError(res, 400, { code: 'BAD_REQUEST', message: text });
      if (req.method !== 'POST') return bad(message(locale(), 'error.BAD_REQUEST'));
      const body = await readBody(req);
      if (body === 'too-large') {
        sendError(res, 413, {
          code: 'BAD_REQUEST',
          message: `Request body over ${MAX_BODY_BYTES} bytes.`,
        });
        return;
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          return bad(`${message(locale(), 'error.BAD_REQUEST')} (JSON)`);
        }
      }
      const method = decodePath(url.pathname.slice('/api/'.length));
      if (method === null) return bad(message(locale(), 'error.BAD_REQUEST'));
      const result = await router.call(method, input);
      if (result.ok) sendJson(res, 200, result);
      else sendJson(res, STATUS[result.error.code] ?? 400, result);
      return;
    }
    serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const decoded = decodePath(pathname);
    if (decoded === null) {
      res
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end(message(locale(), 'error.BAD_REQUEST'));
      return;
    }
    const relative = path.normalize(decoded).replace(/^([/\\])+/, '');
    let file = path.join(staticDir, relative || 'index.html');
    if (!file.startsWith(path.resolve(staticDir))) {
      res.writeHead(404).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      file = path.join(staticDir, 'index.html');
    }
    if (!existsSync(file)) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The UI is not built: run npm run build.');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  }
}
