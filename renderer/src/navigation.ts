import type { Method } from '../../common/contract';
import { mayCall } from '../../common/permissions';
import type { Role } from '../../common/roles';

/** The menu: an entry shows for the roles that may call the method its screen needs. */
export interface NavItem {
  to: string;
  label: string;
  icon: string;
  needs?: Method;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'layout.home', icon: 'pi pi-home' },
  { to: '/users', label: 'layout.users', icon: 'pi pi-users', needs: 'users.list' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.needs || mayCall(item.needs, role));
}
