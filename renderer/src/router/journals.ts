import type { RouteRecordRaw } from 'vue-router';

/** Screens of the journals domain, children of the main layout; meta.nav puts them in the menu. */
export const journalsRoutes: RouteRecordRaw[] = [];
