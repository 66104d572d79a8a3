import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { MAIL_LIMITS } from '../../common/contract/mail';
import { AppError } from '../../common/errors';
import { message } from '../../common/messages';
import { checkAttachment } from '../../electron/api/mail/notes';
import { buildMime, redact } from '../../electron/api/mail/smtp';

const EMAIL = {
  fromAddress: 'pasts@zilite.example.lv',
  fromName: 'PII «Zīlīte»',
  toAddress: 'inese@example.lv',
  toName: 'Inese Ozoliņa',
  subject: 'Sveiki',
  body: 'Teksts.',
  messageId: '<a@zilite.example.lv>',
  date: new Date('2026-12-10T08:00:00Z'),
  attachment: null,
};

describe('the e-mail as it leaves the register', () => {
  it('keeps a name or subject from stored data on one header line', async () => {
    const raw = await buildMime({
      ...EMAIL,
      toName: 'Inese\r\nBcc: visi@example.lv',
      subject: 'Rotaļnodarbība: Elza\nBcc: x@y.lv',
    });
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('Rotaļnodarbība: Elza Bcc: x@y.lv');
    expect(mail.to).toMatchObject({ value: [{ address: 'inese@example.lv' }] });
  });

  it('refuses an attachment beyond the limit, naming it in Latvian', () => {
    const small = Buffer.alloc(1024);
    expect(checkAttachment(small)).toBe(small);
    let refusal: unknown;
    try {
      checkAttachment(Buffer.alloc(MAIL_LIMITS.attachmentBytes + 1));
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const { key, params } = refusal as AppError;
    expect(message('lv', key, params)).toBe('Pielikums ir lielāks par 2 MB: tas netika nosūtīts.');
  });

  it('never repeats the password in a reason, plain or in base64', () => {
    const b64 = Buffer.from('Slepena-1').toString('base64');
    expect(redact(`535 bad Slepena-1 ${b64}`, 'Slepena-1')).toBe('535 bad *** ***');
  });
});
