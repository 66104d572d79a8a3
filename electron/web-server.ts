import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { ApiErrorBody } from '../common/errors';
import { message } from '../common/messages';
import type { Router } from './api/router';
import { safeText } from './api/safe-log';
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
  router: Router;
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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
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

const STATUS: Partial<Record<ApiErrorBody['code'], number>> = {
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
};

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
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
  return createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error(safeText(err));
      if (!res.headersSent) {
        sendError(res, 500, {
          code: 'INTERNAL',
          message: message(router.state.locale, 'error.INTERNAL'),
        });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        req.resume();
        sendError(res, 401, { code: 'UNAUTHENTICATED', message: 'Missing or wrong token.' });
        return;
      }
      const bad = (text: string) => sendError(res, 400, { code: 'BAD_REQUEST', message: text });
      if (req.method !== 'POST') return bad(message(router.state.locale, 'error.BAD_REQUEST'));
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
          return bad(`${message(router.state.locale, 'error.BAD_REQUEST')} (JSON)`);
        }
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await router.call(method, input);
      if (result.ok) sendJson(res, 200, result);
      else sendJson(res, STATUS[result.error.code] ?? 400, result);
      return;
    }
    serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
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
