import type { RouteRecordRaw } from 'vue-router';

/** Screens of the substitution domain, children of the main layout; meta.nav puts them in the menu. */
export const substitutionRoutes: RouteRecordRaw[] = [
  {
    path: 'substitution',
    component: () => import('../views/substitution/SubstitutionView.vue'),
    props: (r) => ({ show: r.query.show ? Number(r.query.show) : null }),
    meta: {
      needs: 'substitution.list',
      nav: { label: 'substitution.nav', icon: 'pi pi-arrow-right-arrow-left', section: 'daily' },
    },
  },
];
