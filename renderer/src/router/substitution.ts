import type { RouteRecordRaw } from 'vue-router';

/** Screens of the substitution domain, children of the main layout; meta.nav puts them in the menu. */
export const substitutionRoutes: RouteRecordRaw[] = [];
