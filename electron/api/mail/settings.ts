import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../common/contract';
import type { MailSettingsView, TlsMode } from '../../../common/contract/mail';
import { AppError } from '../../../common/errors';
import { message } from '../../../common/messages';
import { Institution } from '../../../database/entities';
import { MailSettings } from '../../../database/entities/mail';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { mailKeyOf } from './server-key';
import { redact, verify, type SmtpServer } from './smtp';

/**
 * The kindergarten's SMTP server, set by the head. The password lives only in the encrypted
 * database, wrapped once more by a key derived from the master key (a server: from its key file,
 * server-key.ts); it is never sent back to the UI, written to the audit, a log or an error message.
 */

function passwordKey(masterKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'kindergarten-register/smtp-password', 32),
  );
}

function wrap(masterKey: Buffer, password: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', passwordKey(masterKey), nonce);
  const sealed = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64');
}

function unwrap(masterKey: Buffer, wrapped: string): string {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', passwordKey(masterKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

export interface SenderSettings {
  server: SmtpServer;
  fromAddress: string;
  fromName: string;
}

/** The settings with the password unwrapped, for the worker; null until the head sets them. */
export async function senderSettings(
  m: EntityManager,
  masterKey: () => Buffer,
): Promise<SenderSettings | null> {
  const row = await m.findOneBy(MailSettings, { id: 1 });
  if (!row) return null;
  return {
    server: {
      host: row.host,
      port: row.port,
      tls: row.tls as TlsMode,
      username: row.username,
      password: row.passwordWrapped ? unwrap(masterKey(), row.passwordWrapped) : '',
    },
    fromAddress: row.fromAddress,
    fromName: row.fromName,
  };
}

function view(row: MailSettings | null): MailSettingsView {
  return {
    configured: row !== null,
    host: row?.host ?? '',
    port: row?.port ?? 587,
    tls: (row?.tls as TlsMode | undefined) ?? 'starttls',
    username: row?.username ?? '',
    passwordSet: !!row?.passwordWrapped,
    fromAddress: row?.fromAddress ?? '',
    fromName: row?.fromName ?? '',
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function get(ctx: Context): Promise<MailSettingsView> {
  const row = await ctx.db.manager.findOneBy(MailSettings, { id: 1 });
  if (row) return view(row);
  // Parents see the kindergarten's name as the sender: offered until the head sets another.
  const institution = await ctx.db.manager.findOneByOrFail(Institution, { id: 1 });
  return { ...view(null), fromName: institution.name };
}

/** Which field a failed connection is about, and why, in the user's language. */
function connectRefusal(ctx: Context, err: NodemailerError, server: SmtpServer): AppError {
  const at = `${server.host}:${server.port}`;
  const code = err.originalCode ?? err.code ?? '';
  let field = 'host';
  let key = 'mail.connect.other';
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH' || err.responseCode === 535) {
    field = 'password';
    key = 'mail.connect.auth';
  } else if (code === 'ECONNREFUSED') key = 'mail.connect.refused';
  else if (err.code === 'ETIMEDOUT') key = 'mail.connect.timeout';
  else if (err.code === 'EDNS' || code === 'ENOTFOUND') key = 'mail.connect.dns';
  else if (err.code === 'ETLS') {
    field = 'tls';
    key = 'mail.connect.tls';
  }
  const reason = redact(err.response ?? err.message ?? '', server.password);
  const text = message(ctx.state.locale, key, { server: at, reason });
  return new AppError('VALIDATION', 'error.VALIDATION', {}, { [field]: text });
}

/**
 * Saves the settings after connecting (and logging in) with them; a server that cannot be
 * reached or refuses the login is named, and nothing is saved. The check runs within the call:
 * it is the head's own screen, bounded by the connection timeouts.
 */
export async function save(
  ctx: Context,
  input: ParsedInput<'mail.saveSettings'>,
): Promise<MailSettingsView> {
  const m = ctx.db.manager;
  const stored = await m.findOneBy(MailSettings, { id: 1 });
  const keep = input.password === '' && !!stored?.passwordWrapped && !!input.username;
  const password = keep ? unwrap(mailKeyOf(ctx.state), stored.passwordWrapped!) : input.password;
  if (input.username && !password) {
    throw new AppError(
      'VALIDATION',
      'error.VALIDATION',
      {},
      { password: message(ctx.state.locale, 'mail.noPasswordForUser') },
    );
  }
  const server: SmtpServer = { ...input, password: input.username ? password : '' };
  try {
    await verify(server);
  } catch (err) {
    throw connectRefusal(ctx, err as NodemailerError, server);
  }
  const now = ctx.now().toISOString();
  const row: MailSettings = {
    id: 1,
    host: input.host,
    port: input.port,
    tls: input.tls,
    username: input.username,
    passwordWrapped: server.password ? wrap(mailKeyOf(ctx.state), server.password) : null,
    fromAddress: input.fromAddress,
    fromName: input.fromName,
    updatedAt: now,
    updatedBy: ctx.user.id,
  };
  await ctx.db.transaction(async (t) => {
    await t.save(MailSettings, row);
    const shown = (r: MailSettings | null) => r && { ...view(r), updatedAt: undefined };
    await audit(t, ctx.now(), {
      action: 'mail.settings.update',
      actorId: ctx.user.id,
      entity: 'mail_settings',
      entityId: 1,
      // The password is never recorded, only whether one is set.
      before: shown(stored),
      after: shown(row),
    });
  });
  ctx.state.wakeOutbox();
  return view(row);
}
