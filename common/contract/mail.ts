import { z } from 'zod';
import { EMAIL_MAX_LENGTH, hasControlCharacters, isEmailAddress } from '../email-address';
import { method, type Permissions } from './define';

/**
 * Mail (the rules' 4): staff messages inside the register, and e-mail to parents through the
 * kindergarten's own SMTP server, by way of an outbox that keeps every message as a row before
 * it is sent.
 */

const id = z.number().int().positive();

/** Limits shown in the forms and enforced here. */
export const MAIL_LIMITS = {
  subject: 200,
  body: 20_000,
  recipients: 200,
  /** An attachment (the progress PDF) as stored in the outbox. */
  attachmentBytes: 2 * 1024 * 1024,
  pageSize: 50,
  searchLength: 100,
} as const;

/** A subject or a name that becomes a header: no line breaks (header injection) or controls. */
const headerText = (max: number) =>
  z
    .string()
    .max(max, 'v.tooLong')
    .refine((s) => !hasControlCharacters(s), 'mail.lineBreak')
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, 'v.required');

const body = z.string().trim().min(1, 'v.required').max(MAIL_LIMITS.body, 'v.tooLong');
export const subjectSchema = headerText(MAIL_LIMITS.subject);
export const bodySchema = body;

export const emailAddress = z
  .string()
  .trim()
  .min(1, 'v.required')
  .max(EMAIL_MAX_LENGTH, 'v.tooLong')
  .refine(isEmailAddress, 'mail.badAddress');

/** Staff lists a message may be sent to; 'group:N' are the teachers of group N. */
export const STAFF_LISTS = ['staff', 'management', 'teachers', 'nurse', 'speech'] as const;
export type StaffList = (typeof STAFF_LISTS)[number];
const listKey = z
  .string()
  .refine((s) => (STAFF_LISTS as readonly string[]).includes(s) || /^group:\d{1,9}$/.test(s), {
    message: 'v.oneOf',
  });

export const composeSchema = z
  .object({
    userIds: z.array(id).max(MAIL_LIMITS.recipients).default([]),
    lists: z.array(listKey).max(20).default([]),
    subject: headerText(MAIL_LIMITS.subject),
    body,
    /** The message answered (reply, reply-all). */
    replyToId: id.nullable().default(null),
  })
  .strict()
  .refine((v) => v.userIds.length + v.lists.length > 0, {
    path: ['to'],
    message: 'mail.noRecipient',
  });
export type ComposeInput = z.input<typeof composeSchema>;

/** Whose parents an e-mail goes to: one child's, a group's, or the whole kindergarten's. */
export const parentTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('child'), childId: id }).strict(),
  z.object({ kind: z.literal('group'), groupId: id }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);
export type ParentTarget = z.infer<typeof parentTargetSchema>;

export const parentMailSchema = z
  .object({ target: parentTargetSchema, subject: headerText(MAIL_LIMITS.subject), body })
  .strict();
export type ParentMailInput = z.input<typeof parentMailSchema>;

export const TLS_MODES = ['starttls', 'tls', 'none'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const settingsSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'v.required')
      .max(253, 'v.tooLong')
      .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, 'mail.badHost'),
    port: z
      .number({ invalid_type_error: 'mail.badPort' })
      .int('mail.badPort')
      .min(1, 'mail.badPort')
      .max(65535, 'mail.badPort'),
    tls: z.enum(TLS_MODES),
    username: z
      .string()
      .max(200, 'v.tooLong')
      .refine((s) => !hasControlCharacters(s), 'mail.lineBreak')
      .transform((s) => s.trim())
      .default(''),
    /** Left empty to keep the stored password. */
    password: z
      .string()
      .max(500, 'v.tooLong')
      .refine((s) => !hasControlCharacters(s), 'mail.lineBreak')
      .default(''),
    fromAddress: emailAddress,
    fromName: headerText(120),
  })
  .strict();
export type SettingsInput = z.input<typeof settingsSchema>;

export const OUTBOX_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'unknown',
  'cancelled',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_KINDS = ['parents', 'individualWork', 'progress', 'test'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface Person {
  id: number;
  name: string;
}

export interface MessageSummary {
  id: number;
  subject: string;
  preview: string;
  author: Person;
  /** Who it went to, as the sender chose them ("Visi skolotāji", "Anna Kalniņa"). */
  to: string[];
  createdAt: string;
  /** Inbox only: null until opened. */
  readAt: string | null;
}

export interface MessageDetail extends MessageSummary {
  body: string;
  recipients: (Person & { readAt: string | null })[];
  replyToId: number | null;
  /** She received it (else she sent it). */
  received: boolean;
}

export interface MessagePage {
  rows: MessageSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** A list she may write to, with the people it reaches today. */
export interface ListOption {
  key: string;
  label: string;
  members: number;
}

export interface Recipients {
  users: (Person & { role: string })[];
  lists: ListOption[];
}

export type Unreachable = 'noEmail' | 'noConsent' | 'badEmail';

export interface ParentRecipients {
  reachable: { guardianId: number; name: string; email: string; children: string[] }[];
  unreachable: { guardianId: number; name: string; reason: Unreachable; children: string[] }[];
}

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  status: OutboxStatus;
  toName: string;
  toAddress: string;
  subject: string;
  createdAt: string;
  createdBy: string;
  attempts: number;
  nextAttemptAt: string | null;
  /** The server's reply (or the connection's problem) that stopped or delayed it. */
  lastError: string | null;
  sentAt: string | null;
  serverReply: string | null;
  messageId: string;
  attachmentName: string | null;
  canResend: boolean;
}

export interface OutboxPage {
  rows: OutboxRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Partial<Record<OutboxStatus, number>>;
}

export interface MailSettingsView {
  configured: boolean;
  host: string;
  port: number;
  tls: TlsMode;
  username: string;
  /** A password is stored; it is never sent back. */
  passwordSet: boolean;
  fromAddress: string;
  fromName: string;
  updatedAt: string | null;
}

const page = z.number().int().min(1).max(100_000).default(1);
const search = z.string().trim().max(MAIL_LIMITS.searchLength, 'v.tooLong').default('');
const empty = z.object({}).strict();

export const mailContract = {
  'mail.inbox': method<MessagePage>()(z.object({ page, search }).strict()),
  'mail.sent': method<MessagePage>()(z.object({ page, search }).strict()),
  /** One message of her own mailbox; opening a received one marks it read. */
  'mail.get': method<MessageDetail>()(z.object({ id }).strict()),
  'mail.unread': method<{ count: number }>()(empty),
  /** The colleagues and lists she may write to today. */
  'mail.recipients': method<Recipients>()(empty),
  'mail.send': method<MessageDetail>()(composeSchema),
  /** Hides a message from her own inbox or sent list; the message itself never changes. */
  'mail.remove': method<void>()(z.object({ id, box: z.enum(['inbox', 'sent']) }).strict()),
  /** Who would receive an e-mail to these parents, and who cannot and why. */
  'mail.parentRecipients': method<ParentRecipients>()(
    z.object({ target: parentTargetSchema }).strict(),
  ),
  'mail.sendToParents': method<{ queued: number; unreachable: number }>()(parentMailSchema),
  /** A child's progress over the school year, as a PDF, to the child's parents. */
  'mail.sendProgress': method<{ queued: number; unreachable: number }>()(
    z.object({ childId: id, schoolYear: z.number().int().min(2000).max(2100).optional() }).strict(),
  ),
  'mail.outbox': method<OutboxPage>()(
    z.object({ page, status: z.enum(OUTBOX_STATUSES).optional() }).strict(),
  ),
  'mail.outboxRow': method<OutboxRow>()(z.object({ id }).strict()),
  /** Back to the queue by hand, with the same Message-ID: failed or of unknown outcome. */
  'mail.resend': method<OutboxRow>()(z.object({ id }).strict()),
  'mail.settings': method<MailSettingsView>()(empty),
  /** Saved only after a connection (and login) to the server succeeds. */
  'mail.saveSettings': method<MailSettingsView>()(settingsSchema),
  'mail.testMessage': method<OutboxRow>()(z.object({ to: emailAddress }).strict()),
};

const ALL = ['head', 'deputy', 'teacher', 'speech', 'nurse'] as const;
const HEAD = ['head'] as const;

/**
 * The roles table: mail among staff and e-mail to parents for every role (a teacher to her own
 * groups' parents, narrowed by the access scope's 'messages' row); the head keeps the server's
 * settings; a teacher sends a child's progress (the talks with parents are hers, 3.10).
 */
export const mailPermissions: Permissions<typeof mailContract> = {
  'mail.inbox': ALL,
  'mail.sent': ALL,
  'mail.get': ALL,
  'mail.unread': ALL,
  'mail.recipients': ALL,
  'mail.send': ALL,
  'mail.remove': ALL,
  'mail.parentRecipients': ALL,
  'mail.sendToParents': ALL,
  'mail.sendProgress': ['teacher'],
  'mail.outbox': ALL,
  'mail.outboxRow': ALL,
  'mail.resend': ALL,
  'mail.settings': HEAD,
  'mail.saveSettings': HEAD,
  'mail.testMessage': HEAD,
};
