import { mayCall } from '../../common/permissions';
import type { Role } from '../../common/roles';
import { routes } from './router';

/** The menu, read off the layout's routes: an entry shows to the roles that may use its screen. */
export interface NavItem {
  to: string;
  label: string;
  icon: string;
}

export function navFor(role: Role): NavItem[] {
  const layout = routes.find((route) => route.path === '/');
  return (layout?.children ?? []).flatMap((route) => {
    const nav = route.meta?.nav;
    if (!nav || (route.meta?.needs && !mayCall(route.meta.needs, role))) return [];
    return [{ to: `/${route.path}`, label: nav.label, icon: nav.icon }];
  });
}
