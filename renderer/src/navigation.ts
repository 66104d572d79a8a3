import type { RouteRecordRaw } from 'vue-router';
import { mayCall } from '../../common/permissions';
import type { Role } from '../../common/roles';

/** The menu, read off the layout's routes: an entry shows to the roles that may use its screen. */
export interface NavItem {
  to: string;
  label: string;
  icon: string;
}

/**
 * The routes are the router's own (`router.options.routes`), passed in rather than imported: the
 * router loads the layout that shows this menu, so importing it here would close a cycle.
 */
export function navFor(routes: readonly RouteRecordRaw[], role: Role): NavItem[] {
  const layout = routes.find((route) => route.path === '/');
  return (layout?.children ?? []).flatMap((route) => {
    const nav = route.meta?.nav;
    if (!nav || (route.meta?.needs && !mayCall(route.meta.needs, role))) return [];
    return [{ to: `/${route.path}`, label: nav.label, icon: nav.icon }];
  });
}
