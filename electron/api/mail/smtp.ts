import { Readable } from 'node:stream';
import type { NodemailerError } from 'nodemailer/lib/errors';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TlsMode } from '../../../common/contract/mail';
import { hasControlCharacters } from '../../../common/email-address';

/**
 * The SMTP conversation, and nothing else: no database, no session. The worker hands it one
 * e-mail with the settings it needs and gets back what happened, classified for the outbox.
 */

export interface SmtpServer {
  host: string;
  port: number;
  tls: TlsMode;
  username: string;
  password: string;
}

export interface Email {
  fromAddress: string;
  fromName: string;
  toAddress: string;
  toName: string;
  subject: string;
  /** Plain text; the HTML part is made from it. */
  body: string;
  messageId: string;
  date: Date;
  attachment: { name: string; content: Buffer } | null;
}

export type Delivery =
  | { outcome: 'sent'; reply: string; serverMessageId: string | null }
  /** The server refused it for good (5xx): no retry. */
  | { outcome: 'failed'; reason: string }
  /** Nothing reached the server, or it asked to try later (4xx): safe to retry. */
  | { outcome: 'retry'; reason: string }
  /** The message may have reached the server and no answer came: never retried by itself. */
  | { outcome: 'unknown'; reason: string };

/** Short enough that a dead server is noticed soon; a conversation never hangs the worker. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function connection(server: SmtpServer): SMTPConnection {
  return new SMTPConnection({
    host: server.host,
    port: server.port,
    secure: server.tls === 'tls',
    requireTLS: server.tls === 'starttls',
    ignoreTLS: server.tls === 'none',
    // Loopback test servers (and an internal relay) are reached by address.
    allowInternalNetworkInterfaces: true,
    logger: false,
    ...TIMEOUTS,
  });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br>\n');

/** A name or subject made from stored data (a child's, a guardian's): one line, always. */
const oneLine = (s: string) =>
  [...s]
    .map((c) => (hasControlCharacters(c) ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();

/** The message as MIME: UTF-8 headers as encoded words, a plain-text part beside the HTML. */
export function buildMime(email: Email): Promise<Buffer> {
  return new MailComposer({
    from: { name: oneLine(email.fromName), address: email.fromAddress },
    to: { name: oneLine(email.toName), address: email.toAddress },
    subject: oneLine(email.subject),
    messageId: email.messageId,
    date: email.date,
    text: email.body,
    html: `<!doctype html><html><body style="font-family:sans-serif">${escapeHtml(email.body)}</body></html>`,
    attachments: email.attachment
      ? [
          {
            filename: email.attachment.name,
            content: email.attachment.content,
            contentType: 'application/pdf',
          },
        ]
      : [],
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
}

/** Never show the password, even if a server were to echo it back. */
export function redact(text: string, password: string): string {
  let out = text.slice(0, 500);
  if (password) {
    for (const form of [password, Buffer.from(password).toString('base64')]) {
      out = out.split(form).join('***');
    }
  }
  return out;
}

/** A connection's problem in words; the server's own reply where there is one. */
export function describe(err: NodemailerError): string {
  if (err.response) return err.response;
  const code = err.originalCode ?? err.code ?? '';
  if (code === 'ECONNREFUSED') return 'Savienojums atteikts (ECONNREFUSED).';
  if (err.code === 'ETIMEDOUT') return 'Serveris neatbild (ETIMEDOUT).';
  if (err.code === 'EDNS') return 'Serveris nav atrasts (EDNS).';
  if (err.code === 'ETLS') return 'TLS kļūda (ETLS).';
  return `${err.code ?? 'Kļūda'}: ${err.message}`;
}

/**
 * One step of the conversation as a promise. A broken connection is reported by the 'error'
 * event (and 'end'), not always by the step's callback, so both settle it.
 */
function step<T>(
  conn: SMTPConnection,
  work: (done: (err: Error | null | undefined, value?: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => finish(err);
    const onEnd = () =>
      finish(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }));
    const finish = (err: Error | null | undefined, value?: T) => {
      conn.removeListener('error', onError);
      conn.removeListener('end', onEnd);
      if (err) reject(err);
      else resolve(value as T);
    };
    conn.once('error', onError);
    conn.once('end', onEnd);
    work(finish);
  });
}

async function open(server: SmtpServer): Promise<SMTPConnection> {
  const conn = connection(server);
  // An 'error' event without a listener would crash the process; the steps report it.
  conn.on('error', () => undefined);
  try {
    await step<void>(conn, (done) => conn.connect(() => done(null)));
    if (server.username) {
      await step<boolean>(conn, (done) =>
        conn.login({ user: server.username, pass: server.password }, done),
      );
    }
  } catch (err) {
    conn.close();
    throw err;
  }
  return conn;
}

/** Connects and logs in, then says goodbye: the head's settings are checked before saving. */
export async function verify(server: SmtpServer): Promise<void> {
  const conn = await open(server);
  conn.quit();
}

/**
 * Sends one e-mail. The message stream is read only once the server has accepted the envelope
 * and the DATA command, so a failure before the first read cannot have delivered anything.
 */
export async function deliver(server: SmtpServer, email: Email): Promise<Delivery> {
  const mime = await buildMime(email);
  let dataStarted = false;
  const stream = new Readable({
    read() {
      dataStarted = true;
      this.push(mime);
      this.push(null);
    },
  });
  let conn: SMTPConnection | undefined;
  try {
    conn = await open(server);
    const live = conn;
    const info = await step<SMTPConnection.SentMessageInfo>(live, (done) =>
      live.send({ from: email.fromAddress, to: [email.toAddress] }, stream, done),
    );
    live.quit();
    return {
      outcome: 'sent',
      reply: redact(info.response, server.password),
      serverMessageId: info.serverMessageId ?? null,
    };
  } catch (caught) {
    conn?.close();
    const err = caught as NodemailerError;
    const reason = redact(describe(err), server.password);
    if (err.responseCode) {
      // 5xx is final (503 aside); a 4xx reply, even to the message itself, means "not taken".
      return err.permanent ? { outcome: 'failed', reason } : { outcome: 'retry', reason };
    }
    if (err.code === 'EAUTH' || err.code === 'ENOAUTH') return { outcome: 'failed', reason };
    return dataStarted ? { outcome: 'unknown', reason } : { outcome: 'retry', reason };
  }
}
