import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Mail (the rules' 4): staff messages, the outbox of e-mail to parents, and the SMTP settings.
 * Instants are ISO UTC strings.
 */

/** A staff message. Never changed once sent (4: the sender answers for what she sent). */
@Entity('message')
@Index('idx_message_author', ['authorId', 'id'])
export class Message {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'author_id' })
  authorId!: number;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** JSON array of what the sender chose, as shown: list labels and names. */
  @Column({ type: 'text', name: 'to_labels' })
  toLabels!: string;

  /** Folded (no case, no diacritics) sender, subject and text, for search. */
  @Column({ type: 'text', name: 'search_text' })
  searchText!: string;

  @Column({ type: 'integer', name: 'reply_to_id', nullable: true })
  replyToId!: number | null;

  /** The sender removed it from her sent list (her own view only). */
  @Column({ type: 'boolean', name: 'author_removed', default: false })
  authorRemoved!: boolean;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;
}

/** One recipient of a staff message, with her read state and her own removal. */
@Entity('message_recipient')
@Index('idx_message_recipient_user', ['userId', 'removed', 'messageId'])
export class MessageRecipient {
  @PrimaryColumn({ type: 'integer', name: 'message_id' })
  messageId!: number;

  @PrimaryColumn({ type: 'integer', name: 'user_id' })
  userId!: number;

  @Column({ type: 'text', name: 'read_at', nullable: true })
  readAt!: string | null;

  @Column({ type: 'boolean', default: false })
  removed!: boolean;
}

/**
 * One e-mail to one address. A row exists before anything is sent: queued → sending → sent,
 * or failed (a permanent refusal, or retries used up), or unknown (the program stopped, or the
 * connection broke, after the message may have reached the server: never retried by itself).
 */
@Entity('outbox')
@Index('idx_outbox_due', ['status', 'nextAttemptAt'])
@Index('idx_outbox_creator', ['createdBy', 'id'])
@Index('idx_outbox_entry', ['entryId'])
@Index('idx_outbox_message_id', ['messageId'], { unique: true })
export class OutboxEmail {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** 'parents' | 'individualWork' | 'progress' | 'test'. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', name: 'to_address' })
  toAddress!: string;

  @Column({ type: 'text', name: 'to_name' })
  toName!: string;

  @Column({ type: 'integer', name: 'guardian_id', nullable: true })
  guardianId!: number | null;

  @Column({ type: 'integer', name: 'child_id', nullable: true })
  childId!: number | null;

  /** The individual work entry it carries (3.7); kept when the entry is deleted, as history. */
  @Column({ type: 'integer', name: 'entry_id', nullable: true })
  entryId!: number | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The attachment's bytes in base64: the same text column on SQLite and PostgreSQL. */
  @Column({ type: 'text', nullable: true })
  attachment!: string | null;

  @Column({ type: 'text', name: 'attachment_name', nullable: true })
  attachmentName!: string | null;

  /** The Message-ID header, fixed when queued: a resend carries the same one. */
  @Column({ type: 'text', name: 'message_id' })
  messageId!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: string | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', name: 'server_reply', nullable: true })
  serverReply!: string | null;

  @Column({ type: 'text', name: 'sent_at', nullable: true })
  sentAt!: string | null;

  /** The process run that set it 'sending': another run's 'sending' was cut off by a stop. */
  @Column({ type: 'text', nullable: true })
  claim!: string | null;

  @Column({ type: 'integer', name: 'created_by' })
  createdBy!: number;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;
}

/**
 * The kindergarten's SMTP server (one row, id 1), set by the head. The password is stored
 * wrapped (AES-256-GCM) by a key derived from the master key, inside the encrypted database.
 */
@Entity('mail_settings')
export class MailSettings {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  host!: string;

  @Column({ type: 'integer' })
  port!: number;

  /** 'starttls' | 'tls' | 'none'. */
  @Column({ type: 'text' })
  tls!: string;

  @Column({ type: 'text', default: '' })
  username!: string;

  @Column({ type: 'text', name: 'password_wrapped', nullable: true })
  passwordWrapped!: string | null;

  @Column({ type: 'text', name: 'from_address' })
  fromAddress!: string;

  @Column({ type: 'text', name: 'from_name' })
  fromName!: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;

  @Column({ type: 'integer', name: 'updated_by' })
  updatedBy!: number;
}

/** Entities of the mail domain; each class is also listed in MAIL_ENTITIES. */
export const MAIL_ENTITIES: (new () => object)[] = [
  Message,
  MessageRecipient,
  OutboxEmail,
  MailSettings,
];
