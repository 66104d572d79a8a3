import type { RouteRecordRaw } from 'vue-router';

/** The head's audit viewer and retention screens, children of the main layout (in the menu). */
export const privacyRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    component: () => import('../views/privacy/AuditView.vue'),
    meta: { needs: 'audit.list', nav: { label: 'privacy.auditNav', icon: 'pi pi-list' } },
  },
  {
    path: 'retention',
    component: () => import('../views/privacy/RetentionView.vue'),
    meta: {
      needs: 'privacy.retention',
      nav: {
        label: 'privacy.retentionNav',
        icon: 'pi pi-shield',
        section: 'management',
        hub: 'settings',
      },
    },
  },
];

/** The privacy notice, outside the layout: shown before anything else until acknowledged. */
export const PRIVACY_NOTICE_PATH = '/privacy-notice';
export const privacyNoticeRoutes: RouteRecordRaw[] = [
  {
    path: PRIVACY_NOTICE_PATH,
    component: () => import('../views/privacy/PrivacyNoticeView.vue'),
  },
];
