import type { RouteRecordRaw } from 'vue-router';

/**
 * About: every role's, so no `needs`; the head also finds the update controls there. It is
 * linked from the top bar beside the user's own links, not from the menu of daily work.
 */
export const releaseRoutes: RouteRecordRaw[] = [
  {
    path: 'about',
    component: () => import('../views/release/AboutView.vue'),
  },
];
