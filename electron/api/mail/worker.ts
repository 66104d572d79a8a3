import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_LOCALE } from '../../../common/locale';
import { message } from '../../../common/messages';
import { OutboxEmail } from '../../../database/entities/mail';
import type { Clock } from '../clock';
import { senderSettings } from './settings';
import { deliver, type Delivery, type Email, type SmtpServer } from './smtp';

/**
 * The outbox worker: sends queued e-mail in the background, outside any session's call queue.
 * There is one per register (per database), on `Register.outbox`: one PC has one; a server has
 * one for all its sessions, so one worker sends the whole outbox.
 *
 * The database is used only while it is open (on one PC while someone is logged in; a server's
 * pool always), and only in short steps (on one PC through the router's serial queue): claim one due row (queued → sending), then talk to the SMTP
 * server with no transaction and no queue held, then record the outcome. A UI call waits at most
 * for one of those short steps, never for a mail server.
 *
 * Never twice: a row is 'sending' from its claim until its outcome is recorded. A 'sending' row
 * left by another run of the program (it stopped, or was killed, in between) may or may not have
 * reached the server, and SMTP cannot be asked; such a row becomes 'unknown' at the next start
 * and waits for a person to decide (resend by hand, with the same Message-ID). Automatic
 * retries are only for failures before the message went out: a refused or timed-out connection,
 * a 4xx reply. An outcome that arrives while the database is closed (logout mid-send) is held
 * in memory and recorded at the next login.
 */

/** Waits before the next attempt after a temporary failure: 1, 2, 5, 15, 30, 60 minutes. */
export const RETRY_DELAYS_S = [60, 120, 300, 900, 1800, 3600];
export const MAX_ATTEMPTS = 8;
/** Even without a due row the worker looks again this often while the register is open. */
const IDLE_POLL_MS = 5 * 60_000;

type Serial = <T>(work: () => Promise<T>) => Promise<T>;

/** Where the worker finds the database, attached by the router that holds it. */
export interface OutboxDatabase {
  /** The database while it can be used, else undefined (one PC: nobody is logged in). */
  database(): DataSource | undefined;
  /** Runs one short step: one PC through the router's call queue; a server's pool at once. */
  serial: Serial;
  /** The key the SMTP password is wrapped with (one PC: the encrypted file's master key). */
  passwordKey(): Buffer;
}

/** The stored reasons are written for everyone who reads the outbox: in the register's language. */
const LOCALE = DEFAULT_LOCALE;

interface Job {
  id: number;
  attempts: number;
  server: SmtpServer;
  email: Email;
}

interface Outcome {
  id: number;
  attempts: number;
  delivery: Delivery;
}

export class OutboxWorker {
  /** This run of the program; a 'sending' row with another claim was cut off. */
  private readonly run = randomUUID();
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private readonly unrecorded: Outcome[] = [];
  private host?: OutboxDatabase;

  constructor(
    private readonly clock: Clock,
    private readonly testMode: boolean,
    private readonly send: (server: SmtpServer, email: Email) => Promise<Delivery> = deliver,
  ) {}

  /** The router holding the register's database attaches it once, before the first call. */
  attach(host: OutboxDatabase): void {
    this.host = host;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    return this.host ? this.host.serial(work) : work();
  }

  private get db(): DataSource | undefined {
    return this.host?.database();
  }

  /** Something may be due: a login, a queued e-mail, a resend. Returns at once. */
  wake(): void {
    if (this.stopped || !this.host) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => (this.draining = undefined));
  }

  /** Wakes the worker and waits until nothing more is due (tests, and the exit). */
  async settle(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  /** No new sends; the one in flight finishes and is recorded (the program is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        for (;;) {
          const next = await this.serial(() => this.claim());
          if (!next || 'due' in next) {
            this.schedule(next?.due ?? null);
            break;
          }
          const delivery = await this.deliver(next);
          await this.serial(() => this.record({ id: next.id, attempts: next.attempts, delivery }));
          if (this.stopped) return;
        }
      } while (this.again && !this.stopped);
    } catch (err) {
      // Never the settings or the message: the code and text of the error only.
      console.error('Outbox worker:', err instanceof Error ? err.message : 'unknown error');
    }
  }

  private async deliver(job: Job): Promise<Delivery> {
    const delivery = await this.send(job.server, job.email).catch((err: unknown): Delivery => ({
      outcome: 'retry',
      reason: err instanceof Error ? err.message.slice(0, 300) : 'error',
    }));
    // Test hook for the crash test: the process dies between the server's 250 and the record.
    if (
      delivery.outcome === 'sent' &&
      this.testMode &&
      process.env.REGISTER_TEST_KILL_AFTER_250 === '1'
    ) {
      process.kill(process.pid, 'SIGKILL');
    }
    return delivery;
  }

  private schedule(due: string | null): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped || !this.db) return;
    const wait =
      due === null
        ? IDLE_POLL_MS
        : Math.min(Math.max(Date.parse(due) - this.clock.now().getTime(), 1000), IDLE_POLL_MS);
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  /** One due row moved to 'sending', or when the next one is due; null while closed. */
  private async claim(): Promise<Job | { due: string | null } | null> {
    const db = this.db;
    if (!db || !this.host) return null;
    await this.flushUnrecorded(db);
    const m = db.manager;
    const now = this.clock.now().toISOString();
    await m.query(
      "UPDATE outbox SET status = 'unknown', last_error = ?, claim = NULL, updated_at = ? " +
        "WHERE status = 'sending' AND (claim IS NULL OR claim <> ?)",
      [message(LOCALE, 'mail.crashed'), now, this.run],
    );
    const settings = await senderSettings(m, () => this.host!.passwordKey());
    if (!settings) return { due: null };
    const [row] = await m.query<{ id: number }[]>(
      "SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? " +
        'ORDER BY next_attempt_at, id LIMIT 1',
      [now],
    );
    if (!row) {
      const [next] = await m.query<{ due: string | null }[]>(
        "SELECT MIN(next_attempt_at) AS due FROM outbox WHERE status = 'queued'",
      );
      return { due: next?.due ?? null };
    }
    const e = await m.findOneByOrFail(OutboxEmail, { id: row.id });
    const claimed = await m.update(
      OutboxEmail,
      { id: e.id, status: 'queued' },
      { status: 'sending', claim: this.run, attempts: e.attempts + 1, updatedAt: now },
    );
    // Changed in between (a resend by hand, a restore): look again rather than send it.
    if (claimed.affected === 0) return { due: now };
    return {
      id: e.id,
      attempts: e.attempts + 1,
      server: settings.server,
      email: {
        fromAddress: settings.fromAddress,
        fromName: settings.fromName,
        toAddress: e.toAddress,
        toName: e.toName,
        subject: e.subject,
        body: e.body,
        messageId: e.messageId,
        date: this.clock.now(),
        attachment:
          e.attachment && e.attachmentName
            ? { name: e.attachmentName, content: Buffer.from(e.attachment, 'base64') }
            : null,
      },
    };
  }

  private async flushUnrecorded(db: DataSource): Promise<void> {
    for (const outcome of this.unrecorded.splice(0)) await this.write(db, outcome);
  }

  /** Writes what happened to a row this run claimed; held for later while closed. */
  private async record(outcome: Outcome): Promise<void> {
    const db = this.db;
    if (db) await this.write(db, outcome);
    else this.unrecorded.push(outcome);
  }

  private async write(db: DataSource, { id, attempts, delivery }: Outcome): Promise<void> {
    const now = this.clock.now();
    const at = now.toISOString();
    let values: Partial<OutboxEmail>;
    if (delivery.outcome === 'sent') {
      values = { status: 'sent', sentAt: at, serverReply: delivery.reply, lastError: null };
    } else if (delivery.outcome === 'retry' && attempts < MAX_ATTEMPTS) {
      const delay = RETRY_DELAYS_S[Math.min(attempts, RETRY_DELAYS_S.length) - 1];
      values = {
        status: 'queued',
        lastError: delivery.reason,
        nextAttemptAt: new Date(now.getTime() + delay * 1000).toISOString(),
      };
    } else if (delivery.outcome === 'unknown') {
      const reason = message(LOCALE, 'mail.lostAfterData');
      values = { status: 'unknown', lastError: `${reason} (${delivery.reason})` };
    } else {
      values = { status: 'failed', lastError: delivery.reason };
    }
    // Only the claim of this run: a restored backup or a manual change is never overwritten.
    await db.manager.update(
      OutboxEmail,
      { id, status: 'sending', claim: this.run },
      { ...values, claim: null, updatedAt: at },
    );
  }
}
