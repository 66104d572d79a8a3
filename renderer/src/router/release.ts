import type { RouteRecordRaw } from 'vue-router';

/** About: every role's, so no `needs`; the head also finds the update controls there. */
export const releaseRoutes: RouteRecordRaw[] = [
  {
    path: 'about',
    component: () => import('../views/release/AboutView.vue'),
    meta: { nav: { label: 'release.nav', icon: 'pi pi-info-circle' } },
  },
];
