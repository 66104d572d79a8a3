import type { RouteRecordRaw } from 'vue-router';

/** Screens of mail, children of the main layout; meta.nav puts them in the menu. */
export const mailRoutes: RouteRecordRaw[] = [
  {
    path: 'mail',
    component: () => import('../views/mail/MailView.vue'),
    meta: {
      needs: 'mail.inbox',
      nav: { label: 'mail.nav', icon: 'pi pi-envelope', section: 'daily' },
    },
  },
  {
    path: 'outbox',
    component: () => import('../views/mail/OutboxView.vue'),
    meta: {
      needs: 'mail.outbox',
      nav: { label: 'mail.outboxNav', icon: 'pi pi-send', section: 'daily' },
    },
  },
  {
    path: 'mail-settings',
    component: () => import('../views/mail/MailSettingsView.vue'),
    meta: {
      needs: 'mail.saveSettings',
      nav: {
        label: 'mail.settingsNav',
        icon: 'pi pi-server',
        section: 'management',
        hub: 'settings',
      },
    },
  },
];
