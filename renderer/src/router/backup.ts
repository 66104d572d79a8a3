import type { RouteRecordRaw } from 'vue-router';

/** Screens of the backup domain, children of the main layout; meta.nav puts them in the menu. */
export const backupRoutes: RouteRecordRaw[] = [
  {
    path: 'backup',
    component: () => import('../views/backup/BackupView.vue'),
    meta: {
      needs: 'backup.export',
      nav: { label: 'backup.nav', icon: 'pi pi-database', section: 'management', hub: 'settings' },
    },
  },
];

/** The first-run screen's restore (a new PC), outside the layout like the other login screens. */
export const backupPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/restore',
    component: () => import('../views/backup/RestoreSetupView.vue'),
    meta: { public: true },
  },
];
