import type { RouteRecordRaw } from 'vue-router';

/** Screens of the assessment domain; they open from a plan's topics, under its addresses. */
export const assessmentRoutes: RouteRecordRaw[] = [
  {
    path: 'planning/topic/:topicId(\\d+)',
    component: () => import('../views/assessment/SheetView.vue'),
    props: (r) => ({ topicId: Number(r.params.topicId) }),
    meta: { needs: 'assessment.sheet' },
  },
  {
    path: 'planning/child/:childId(\\d+)',
    component: () => import('../views/assessment/ProgressView.vue'),
    props: (r) => ({ childId: Number(r.params.childId) }),
    meta: { needs: 'assessment.progress' },
  },
];
