import type { RouteRecordRaw } from 'vue-router';

/** Screens of the journals domain, children of the main layout; meta.nav puts them in the menu. */
export const journalsRoutes: RouteRecordRaw[] = [
  {
    path: 'journals',
    component: () => import('../views/journals/EntriesView.vue'),
    meta: {
      needs: 'journals.entries',
      nav: { label: 'journals.nav', icon: 'pi pi-user-edit', section: 'journals' },
    },
  },
  {
    path: 'journals/talks',
    component: () => import('../views/journals/TalksView.vue'),
    meta: {
      needs: 'journals.talks',
      nav: { label: 'journals.talksNav', icon: 'pi pi-comments', section: 'journals' },
    },
  },
];
