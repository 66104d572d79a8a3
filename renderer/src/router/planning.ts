import type { RouteRecordRaw } from 'vue-router';

/** Screens of the planning domain, children of the main layout; meta.nav puts them in the menu. */
export const planningRoutes: RouteRecordRaw[] = [];
