import type { RouteRecordRaw } from 'vue-router';

/** Screens of the planning domain, children of the main layout; meta.nav puts them in the menu. */
export const planningRoutes: RouteRecordRaw[] = [
  {
    path: 'planning',
    component: () => import('../views/planning/PlansView.vue'),
    meta: {
      needs: 'planning.overview',
      nav: { label: 'planning.nav', icon: 'pi pi-calendar', section: 'planning' },
    },
  },
  {
    path: 'planning/:groupId(\\d+)/:month',
    component: () => import('../views/planning/PlanView.vue'),
    props: (r) => ({ groupId: Number(r.params.groupId), month: String(r.params.month) }),
    meta: { needs: 'planning.plan' },
  },
];
