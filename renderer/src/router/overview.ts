import type { RouteRecordRaw } from 'vue-router';

/** Screens of the overview domain, children of the main layout; meta.nav puts them in the menu. */
export const overviewRoutes: RouteRecordRaw[] = [
  {
    path: 'supervision',
    component: () => import('../views/overview/SupervisionView.vue'),
    meta: {
      needs: 'overview.report',
      nav: { label: 'overview.nav.supervision', icon: 'pi pi-eye', section: 'management' },
    },
  },
  {
    path: 'charts',
    component: () => import('../views/overview/ChartsView.vue'),
    meta: {
      needs: 'overview.charts',
      nav: { label: 'overview.nav.charts', icon: 'pi pi-chart-line', section: 'management' },
    },
  },
  {
    path: 'archive',
    component: () => import('../views/overview/ArchiveView.vue'),
    meta: {
      needs: 'overview.archiveStart',
      nav: { label: 'overview.nav.archive', icon: 'pi pi-box', section: 'management' },
    },
  },
  {
    path: 'prints',
    component: () => import('../views/overview/PrintsView.vue'),
    meta: {
      needs: 'overview.journalPrint',
      nav: { label: 'overview.nav.prints', icon: 'pi pi-print', section: 'journals' },
    },
  },
];
