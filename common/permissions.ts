import type { Method } from './contract';
import type { Role } from './roles';

/**
 * Who may call what. 'public' needs no login; 'session' any logged-in user; otherwise the
 * roles listed. Services narrow further by group (a teacher's own groups, substitutions).
 */
export type Access = 'public' | 'session' | readonly Role[];

export const PERMISSIONS: Record<Method, Access> = {
  'app.state': 'public',
  'app.now': 'public',
  'app.setLocale': 'public',
  'session.ping': 'session',
  'test.setClock': 'public',
  'test.advanceClock': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.recover': 'public',
  'auth.logout': 'session',
  'auth.changePassword': 'session',
  'auth.confirmRecoveryKey': ['head'],
  'auth.newRecoveryKey': ['head'],
  'users.list': ['head'],
  'users.create': ['head'],
  'users.resetPassword': ['head'],
};

/** Calls allowed while a temporary password still has to be changed. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<Method> = new Set<Method>([
  'app.state',
  'app.now',
  'app.setLocale',
  'session.ping',
  'auth.logout',
  'auth.changePassword',
]);

/** Calls that exist only when the backend runs with --test. */
export const TEST_ONLY: ReadonlySet<Method> = new Set<Method>([
  'test.setClock',
  'test.advanceClock',
]);

export function mayCall(method: Method, role: Role | undefined): boolean {
  const access = PERMISSIONS[method];
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'session' || access.includes(role);
}
