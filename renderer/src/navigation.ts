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
  /** The entry stands for the screens of a hub (it shows as active on any of them). */
  hub?: NavHub;
}

/**
 * Screens that share one menu entry and a row of tabs on top (components/HubTabs.vue): the
 * head's settings, so that her menu fits 1366×768 without scrolling.
 */
export type NavHub = 'settings';

/** A hub's menu entry, and its tabs' order by path (the first she may use opens). */
const HUBS: Record<NavHub, { label: string; icon: string; paths: string[] }> = {
  settings: {
    label: 'people.nav.settings',
    icon: 'pi pi-cog',
    paths: ['settings', 'mail-settings', 'backup', 'retention'],
  },
};

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
  hub?: NavHub;
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
  const groups: NavGroup[] = [null, ...NAV_SECTIONS].map((section) => ({ section, items: [] }));
  const hubs = new Set<NavHub>();
  for (const { route, nav } of screens(routes, role)) {
    const group = groups.find((g) => g.section === (nav.section ?? null))!;
    if (!nav.hub) {
      group.items.push({ to: `/${route.path}`, label: nav.label, icon: nav.icon });
    } else if (!hubs.has(nav.hub)) {
      // A hub is one entry, where its first screen in the menu would be.
      hubs.add(nav.hub);
      const [first] = hubFor(routes, role, nav.hub);
      group.items.push({ ...first, label: HUBS[nav.hub].label, icon: HUBS[nav.hub].icon });
    }
  }
  return groups.filter((g) => g.items.length > 0);
}

/** The label of a hub's menu entry, which also names its row of tabs. */
export function hubLabel(hub: NavHub): string {
  return HUBS[hub].label;
}

/** A hub's screens she may use, in menu order: the tabs on top of each of them. */
export function hubFor(routes: readonly RouteRecordRaw[], role: Role, hub: NavHub): NavItem[] {
  const order = HUBS[hub].paths;
  return screens(routes, role)
    .filter(({ nav }) => nav.hub === hub)
    .sort((a, b) => order.indexOf(a.route.path) - order.indexOf(b.route.path))
    .map(({ route, nav }) => ({ to: `/${route.path}`, label: nav.label, icon: nav.icon, hub }));
}

/** The layout's screens with a menu entry that the role may use. */
function screens(routes: readonly RouteRecordRaw[], role: Role) {
  const layout = routes.find((route) => route.path === '/');
  return (layout?.children ?? []).flatMap((route) => {
    const nav = route.meta?.nav;
    if (!nav || (route.meta?.needs && !mayCall(route.meta.needs, role))) return [];
    return [{ route, nav }];
  });
}
