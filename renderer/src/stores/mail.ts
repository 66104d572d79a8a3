import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type {
  MailSettingsView,
  MessageDetail,
  MessagePage,
  OutboxPage,
  OutboxRow,
  OutboxStatus,
  ParentRecipients,
  ParentTarget,
  Recipients,
} from '../../../common/contract/mail';
import { call } from '../api/client';
import { loadFlags } from './waiting';
import { firstRunChecks } from './first-run';

export type Box = 'inbox' | 'sent';

const emptyPage = (): MessagePage => ({ rows: [], total: 0, page: 1, pageSize: 50 });

/** Staff mail, e-mail to parents, the outbox and the head's SMTP settings. */
// The head's first steps on Home tick "SMTP server set" from the mail domain's own answer.
firstRunChecks.mail = async () => (await call('mail.settings', {})).configured;

export const useMailStore = defineStore('mail', () => {
  const unread = ref(0);
  /** The login notice ("N nelasītas vēstules") until she opens the mail or closes it. */
  const notice = ref(false);
  const box = ref<Box>('inbox');
  const search = ref('');
  const list = ref<MessagePage>(emptyPage());
  const current = ref<MessageDetail | null>(null);
  const recipients = ref<Recipients | null>(null);
  const outbox = ref<OutboxPage | null>(null);
  const settings = ref<MailSettingsView | null>(null);
  const flags = loadFlags();

  async function refreshUnread(): Promise<void> {
    unread.value = (await call('mail.unread', {})).count;
  }

  /** After login: the count for the badge, and the notice when something is unread. */
  async function startSession(): Promise<void> {
    await refreshUnread();
    notice.value = unread.value > 0;
  }

  async function loadList(page = 1): Promise<void> {
    flags.start();
    try {
      const method = box.value === 'inbox' ? 'mail.inbox' : 'mail.sent';
      list.value = await call(method, { page, search: search.value });
    } finally {
      flags.stop();
    }
  }

  async function open(id: number): Promise<void> {
    current.value = await call('mail.get', { id });
    notice.value = false;
    if (box.value === 'inbox') {
      const row = list.value.rows.find((r) => r.id === id);
      if (row && !row.readAt) row.readAt = current.value.readAt;
      await refreshUnread();
    }
  }

  async function remove(id: number): Promise<void> {
    await call('mail.remove', { id, box: box.value });
    if (current.value?.id === id) current.value = null;
    await loadList(list.value.page);
    await refreshUnread();
  }

  async function loadRecipients(): Promise<Recipients> {
    recipients.value = await call('mail.recipients', {});
    return recipients.value;
  }

  async function send(input: Input<'mail.send'>): Promise<MessageDetail> {
    return call('mail.send', input);
  }

  function parentRecipients(target: ParentTarget): Promise<ParentRecipients> {
    return call('mail.parentRecipients', { target });
  }

  function sendToParents(input: Input<'mail.sendToParents'>) {
    return call('mail.sendToParents', input);
  }

  function sendProgress(childId: number) {
    return call('mail.sendProgress', { childId });
  }

  async function loadOutbox(page = 1, status?: OutboxStatus): Promise<void> {
    flags.start();
    try {
      outbox.value = await call('mail.outbox', { page, status });
    } finally {
      flags.stop();
    }
  }

  function outboxRow(id: number): Promise<OutboxRow> {
    return call('mail.outboxRow', { id });
  }

  function resend(id: number): Promise<OutboxRow> {
    return call('mail.resend', { id });
  }

  async function loadSettings(): Promise<void> {
    settings.value = await call('mail.settings', {});
  }

  async function saveSettings(input: Input<'mail.saveSettings'>): Promise<void> {
    settings.value = await call('mail.saveSettings', input);
  }

  function testMessage(to: string): Promise<OutboxRow> {
    return call('mail.testMessage', { to });
  }

  /** At logout: nothing of one user's mail stays for the next. */
  function reset(): void {
    box.value = 'inbox';
    search.value = '';
    recipients.value = null;
    unread.value = 0;
    notice.value = false;
    list.value = emptyPage();
    current.value = null;
    outbox.value = null;
    settings.value = null;
  }

  return {
    unread,
    notice,
    box,
    search,
    list,
    current,
    recipients,
    outbox,
    settings,
    loading: flags.shown,
    refreshUnread,
    startSession,
    loadList,
    open,
    remove,
    loadRecipients,
    send,
    parentRecipients,
    sendToParents,
    sendProgress,
    loadOutbox,
    outboxRow,
    resend,
    loadSettings,
    saveSettings,
    testMessage,
    reset,
  };
});
