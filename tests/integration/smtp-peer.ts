import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 for the tests (the `smtp-server` package), started and stopped
 * by them. It keeps every message it accepted, parsed by an independent MIME parser, and counts
 * the Message-IDs it has seen; addresses in `refuse` get the reply given there.
 */

export const SMTP_USER = 'pii-zilite';
export const SMTP_PASSWORD = 'Slepena-SMTP-parole-ĀŠ-7391';

export interface Received {
  envelope: { from: string; to: string[] };
  raw: string;
  mail: ParsedMail;
}

export class SmtpPeer {
  readonly received: Received[] = [];
  /** Recipient address → the reply that refuses it, e.g. '550 5.1.1 Mailbox unavailable'. */
  readonly refuse = new Map<string, { code: number; text: string }>();
  /** Refuse every login, as a server whose password was changed would. */
  rejectAuth = false;
  private server?: SMTPServer;
  port = 0;

  /** `authOptional`: a relay that takes mail without a login (server mode keeps no password). */
  constructor(private readonly authOptional = false) {}

  /** Starts listening (on `port`, or a free one the first time). */
  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: this.authOptional,
      logger: false,
      onAuth: (auth, _session, done) => {
        if (!this.rejectAuth && auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
          done(null, { user: auth.username });
        } else {
          done(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
        }
      },
      onRcptTo: (address, _session, done) => {
        const refusal = this.refuse.get(address.address);
        if (refusal) done(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
        else done();
      },
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((mail) => {
              const addr = (a: SMTPServerAddress | false) => (a ? a.address : '');
              this.received.push({
                envelope: {
                  from: addr(session.envelope.mailFrom),
                  to: session.envelope.rcptTo.map((r) => r.address),
                },
                raw: raw.toString('utf8'),
                mail,
              });
              done();
            })
            .catch((err: Error) => done(err));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** How many times each Message-ID arrived. */
  messageIds(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received) {
      const id = r.mail.messageId ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** The settings the register is given for this server (mail.saveSettings). */
  settings(password = SMTP_PASSWORD) {
    return {
      host: '127.0.0.1',
      port: this.port,
      tls: 'none' as const,
      username: SMTP_USER,
      password,
      fromAddress: 'pasts@zilite.example.lv',
      fromName: 'PII «Zīlīte»',
    };
  }
}

const peers: SmtpPeer[] = [];

/** A started peer, stopped by stopPeers() (call it from afterEach). */
export async function smtpPeer(options: { authOptional?: boolean } = {}): Promise<SmtpPeer> {
  const peer = await new SmtpPeer(options.authOptional).start();
  peers.push(peer);
  return peer;
}

export async function stopPeers(): Promise<void> {
  for (const peer of peers.splice(0)) await peer.stop();
}
