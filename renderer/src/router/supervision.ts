import type { RouteRecordRaw } from 'vue-router';

/** Screens of the supervision domain, children of the main layout; meta.nav puts them in the menu. */
export const supervisionRoutes: RouteRecordRaw[] = [
  {
    path: 'diary',
    component: () => import('../views/supervision/DiaryView.vue'),
    meta: {
      needs: 'supervision.diary',
      nav: { label: 'supervision.diaryNav', icon: 'pi pi-book', section: 'journals' },
    },
  },
  {
    path: 'journal-checks',
    component: () => import('../views/supervision/ChecksView.vue'),
    meta: {
      needs: 'supervision.checks',
      nav: { label: 'supervision.checksNav', icon: 'pi pi-verified', section: 'journals' },
    },
  },
];
