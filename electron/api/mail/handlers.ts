import type { HandlerMap } from '../context';
import * as lists from './lists';
import * as notes from './notes';
import * as outbox from './outbox';
import * as parents from './parents';
import * as settings from './settings';
import * as staff from './staff';

/** Staff mail, e-mail to parents through the outbox, and the SMTP settings (the rules' 4). */
export const mailHandlers = {
  'mail.inbox': (input, ctx) => staff.inbox(ctx, input.page, input.search),
  'mail.sent': (input, ctx) => staff.sent(ctx, input.page, input.search),
  'mail.get': (input, ctx) => staff.get(ctx, input.id),
  'mail.unread': (_input, ctx) => staff.unread(ctx),
  'mail.recipients': (_input, ctx) => lists.recipients(ctx),
  'mail.send': (input, ctx) => staff.send(ctx, input),
  'mail.remove': (input, ctx) => staff.remove(ctx, input.id, input.box),
  'mail.parentRecipients': (input, ctx) => parents.recipients(ctx, input.target),
  'mail.sendToParents': (input, ctx) => parents.send(ctx, input),
  'mail.sendProgress': (input, ctx) => notes.sendProgress(ctx, input),
  'mail.outbox': (input, ctx) => outbox.list(ctx, input.page, input.status),
  'mail.outboxRow': (input, ctx) => outbox.one(ctx, input.id),
  'mail.resend': (input, ctx) => outbox.resend(ctx, input.id),
  'mail.settings': (_input, ctx) => settings.get(ctx),
  'mail.saveSettings': (input, ctx) => settings.save(ctx, input),
  'mail.testMessage': (input, ctx) => outbox.testMessage(ctx, input.to),
} satisfies Partial<HandlerMap>;
