import type { Method } from './contract';
import { appPermissions } from './contract/app';
import { auditPermissions } from './contract/audit';
import { assessmentPermissions } from './contract/assessment';
import { attendancePermissions } from './contract/attendance';
import { authPermissions } from './contract/auth';
import { backupPermissions } from './contract/backup';
import { calendarPermissions } from './contract/calendar';
import { clientPermissions } from './contract/client';
import type { Access } from './contract/define';
import { peoplePermissions } from './contract/people';
import { applicationsPermissions } from './contract/applications';
import { planningPermissions } from './contract/planning';
import { privacyPermissions } from './contract/privacy';
import { releasePermissions } from './contract/release';
import { journalsPermissions } from './contract/journals';
import { mailPermissions } from './contract/mail';
import { overviewPermissions } from './contract/overview';
import { supervisionPermissions } from './contract/supervision';
import { substitutionPermissions } from './contract/substitution';
import { settingsPermissions } from './contract/settings';
import { usersPermissions } from './contract/users';
import type { Role } from './roles';

/** The permission table: every method, who may call it, gathered from each domain's contract. */
export const PERMISSIONS: Record<Method, Access> = {
  ...appPermissions,
  ...authPermissions,
  ...usersPermissions,
  ...settingsPermissions,
  ...peoplePermissions,
  ...applicationsPermissions,
  ...attendancePermissions,
  ...calendarPermissions,
  ...planningPermissions,
  ...assessmentPermissions,
  ...journalsPermissions,
  ...supervisionPermissions,
  ...substitutionPermissions,
  ...backupPermissions,
  ...releasePermissions,
  ...mailPermissions,
  ...overviewPermissions,
  ...auditPermissions,
  ...privacyPermissions,
  ...clientPermissions,
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

export type { Access };

export function mayCall(method: Method, role: Role | undefined): boolean {
  const access = PERMISSIONS[method];
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'session' || access.includes(role);
}
