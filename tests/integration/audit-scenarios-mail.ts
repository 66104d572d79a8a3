import type { Scenario } from './audit-scenarios';

/** Staff mail (4): a sent message, and its removal from the sender's own list. */
export const MAIL: Scenario[] = [
  {
    method: 'mail.send',
    as: 'dace',
    run: async (w) => {
      const sent = await w.ok('mail.send', {
        userIds: [w.users.anna],
        subject: 'Ekskursija',
        body: 'Lūdzu apstiprināt.',
      });
      w.ids.message = sent.id;
    },
    expect: ['mail.message.send'],
  },
  {
    method: 'mail.remove',
    as: 'dace',
    run: (w) => w.ok('mail.remove', { id: w.ids.message, box: 'sent' }),
    expect: ['mail.message.remove'],
  },
];
