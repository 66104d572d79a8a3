import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { DEFAULT_LOCALE } from '../../common/locale';
import { message } from '../../common/messages';
import type { ServerRouter } from '../api/server-router';
import { MAX_BODY_BYTES, readBody, sendJson, STATUS } from '../web-server';

/** The header that carries the session token, both ways. */
export const SESSION_HEADER = 'x-register-session';

/** A TLS connection starts with a handshake record; anything else is refused. */
const TLS_HANDSHAKE = 0x16;

export const PLAIN_HTTP_REFUSAL =
  'Šis serveris pieņem tikai šifrētus HTTPS savienojumus. Pieslēdzieties ar adresi, kas sākas ar https://. ' +
  '/ This server accepts HTTPS only: use an https:// address.';

export interface RegisterServerOptions {
  router: ServerRouter;
  certificate: Buffer;
  key: Buffer;
}

/**
 * Server mode's transport: the API over HTTPS only. One port; the first byte of a connection
 * tells TLS from plain HTTP, and plain HTTP is answered with a refusal and closed, whatever the
 * client's address (a session token must never cross the network in clear). The server serves
 * no UI: each PC runs its own and forwards its calls here.
 */
export function createRegisterServer(options: RegisterServerOptions): Server {
  const https = createHttpsServer(
    { cert: options.certificate, key: options.key, minVersion: 'TLSv1.2' },
    (req, res) => {
      void handle(options.router, req, res).catch((err: unknown) => {
        console.error(err);
        if (!res.headersSent) {
          sendJson(res, 500, {
            ok: false,
            error: { code: 'INTERNAL', message: message(DEFAULT_LOCALE, 'error.INTERNAL') },
          });
        }
      });
    },
  );
  https.on('tlsClientError', (_err, socket) => socket.destroy());
  const server = createNetServer((socket) => route(https, socket));
  server.on('close', () => https.close());
  return server;
}

function route(https: HttpsServer, socket: Socket): void {
  // A connection that says nothing is not kept waiting for.
  socket.setTimeout(30_000, () => socket.destroy());
  socket.once('data', (first: Buffer) => {
    socket.pause();
    socket.unshift(first);
    if (first[0] === TLS_HANDSHAKE) {
      socket.setTimeout(0);
      https.emit('connection', socket);
      process.nextTick(() => socket.resume());
      return;
    }
    const body = `${PLAIN_HTTP_REFUSAL}\n`;
    socket.end(
      'HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  socket.on('error', () => socket.destroy());
}

async function handle(
  router: ServerRouter,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.setHeader('strict-transport-security', 'max-age=31536000');
  const url = new URL(req.url ?? '/', 'https://register');
  const bad = (status: number, text: string) => {
    req.resume();
    sendJson(res, status, { ok: false, error: { code: 'BAD_REQUEST', message: text } });
  };
  if (!url.pathname.startsWith('/api/')) return bad(404, 'Not found.');
  if (req.method !== 'POST') return bad(400, message(DEFAULT_LOCALE, 'error.BAD_REQUEST'));
  const body = await readBody(req);
  if (body === 'too-large') return bad(413, `Request body over ${MAX_BODY_BYTES} bytes.`);
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return bad(400, `${message(DEFAULT_LOCALE, 'error.BAD_REQUEST')} (JSON)`);
    }
  }
  const method = decodeURIComponent(url.pathname.slice('/api/'.length));
  const token = req.headers[SESSION_HEADER];
  const answer = await router.call(
    {
      address: req.socket.remoteAddress ?? '',
      token: typeof token === 'string' && token ? token : undefined,
    },
    method,
    input,
  );
  res.setHeader(SESSION_HEADER, answer.token);
  const { result } = answer;
  sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 400), result);
}
