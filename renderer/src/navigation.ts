import type { RouteRecordRaw } from 'vue-router';
import { mayCall } from '../../common/permissions';
import type { Role } from '../../common/roles';

/** The menu's sections, in the order they are shown (Home stands above them, in none). */
export const NAV_SECTIONS = ['daily', 'planning', 'journals', 'management'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

/** The menu, read off the layout's routes: an entry shows to the roles that may use its screen. */
export interface NavItem {
  to: string;
  label: string;
  icon: string;
}

export interface NavGroup {
  /** null: the entries above every section (Home). */
  section: NavSection | null;
  items: NavItem[];
}

/** A screen's menu entry as its route declares it (meta.nav). */
export interface NavMeta {
  label: string;
  icon: string;
  section?: NavSection;
}

/**
 * The routes are the router's own (`router.options.routes`), passed in rather than imported: the
 * router loads the layout that shows this menu, so importing it here would close a cycle.
 */
export function navFor(routes: readonly RouteRecordRaw[], role: Role): NavItem[] {
  return menuFor(routes, role).flatMap((group) => group.items);
}

/** The role's menu in sections; a section the role has no screen in is left out. */
export function menuFor(routes: readonly RouteRecordRaw[], role: Role): NavGroup[] {
  const layout = routes.find((route) => route.path === '/');
  const groups: NavGroup[] = [null, ...NAV_SECTIONS].map((section) => ({ section, items: [] }));
  for (const route of layout?.children ?? []) {
    const nav = route.meta?.nav;
    if (!nav || (route.meta?.needs && !mayCall(route.meta.needs, role))) continue;
    const group = groups.find((g) => g.section === (nav.section ?? null))!;
    group.items.push({ to: `/${route.path}`, label: nav.label, icon: nav.icon });
  }
  return groups.filter((g) => g.items.length > 0);
}
