import {
  createRouter,
  createWebHashHistory,
  type RouteLocationRaw,
  type Router,
  type RouteRecordRaw,
} from 'vue-router';
import type { Method } from '../../../common/contract';
import type { NavMeta } from '../navigation';
import { mayCall } from '../../../common/permissions';
import { useSessionStore } from '../stores/session';
import { mayLeave } from '../unsaved';
import { attendanceRoutes } from './attendance';
import { backupPublicRoutes, backupRoutes } from './backup';
import { calendarRoutes } from './calendar';
import { peopleRoutes } from './people';
import { planningRoutes } from './planning';
import { PRIVACY_NOTICE_PATH, privacyNoticeRoutes, privacyRoutes } from './privacy';
import { assessmentRoutes } from './assessment';
import { releaseRoutes } from './release';
import { journalsRoutes } from './journals';
import { mailRoutes } from './mail';
import { overviewRoutes } from './overview';
import { supervisionRoutes } from './supervision';
import { substitutionRoutes } from './substitution';

declare module 'vue-router' {
  interface RouteMeta {
    /** Screens shown before login. */
    public?: boolean;
    /** The API method the screen needs; the route is refused to roles that may not call it. */
    needs?: Method;
    /** A menu entry for the screen (an i18n key, a PrimeIcons class, its menu section). */
    nav?: NavMeta;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/setup',
    component: () => import('../views/auth/SetupView.vue'),
    meta: { public: true },
  },
  {
    path: '/login',
    component: () => import('../views/auth/LoginView.vue'),
    meta: { public: true },
  },
  {
    path: '/recover',
    component: () => import('../views/auth/RecoverView.vue'),
    meta: { public: true },
  },
  {
    path: '/connect',
    component: () => import('../views/auth/ConnectServerView.vue'),
    meta: { public: true },
  },
  ...backupPublicRoutes,
  { path: '/recovery-key', component: () => import('../views/auth/RecoveryKeyView.vue') },
  { path: '/change-password', component: () => import('../views/auth/ChangePasswordView.vue') },
  ...privacyNoticeRoutes,
  {
    path: '/',
    component: () => import('../views/AppLayout.vue'),
    children: [
      {
        path: '',
        component: () => import('../views/home/HomeView.vue'),
        meta: { nav: { label: 'layout.home', icon: 'pi pi-home' } },
      },
      ...mailRoutes,
      {
        path: 'users',
        component: () => import('../views/users/UsersView.vue'),
        meta: {
          needs: 'users.list',
          nav: { label: 'layout.users', icon: 'pi pi-id-card', section: 'management' },
        },
      },
      ...peopleRoutes,
      ...attendanceRoutes,
      ...calendarRoutes,
      ...planningRoutes,
      ...assessmentRoutes,
      ...journalsRoutes,
      ...supervisionRoutes,
      ...substitutionRoutes,
      ...overviewRoutes,
      ...backupRoutes,
      ...releaseRoutes,
      ...privacyRoutes,
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
];

/** Where the backend's phase and the session allow the user to be. */
export function guard(
  path: string,
  meta: { public?: boolean; needs?: Method },
): RouteLocationRaw | true {
  const store = useSessionStore();
  if (store.phase === 'setup') {
    // A PC chooses its server, or restores a backup, only while it keeps no register itself.
    const first = store.server ? ['/setup'] : ['/setup', '/restore', '/connect'];
    return first.includes(path) ? true : '/setup';
  }
  if (store.phase !== 'unlocked' || !store.session) {
    return path === '/login' || path === '/recover' ? true : '/login';
  }
  if (store.session.mustChangePassword) {
    return path === '/change-password' ? true : '/change-password';
  }
  if (store.recoveryKey) return path === '/recovery-key' ? true : '/recovery-key';
  // The privacy notice comes before any screen, at the first login and after it changes.
  if (store.session.privacyNoticePending) {
    return path === PRIVACY_NOTICE_PATH ? true : PRIVACY_NOTICE_PATH;
  }
  if (meta.public || path === '/recovery-key' || path === PRIVACY_NOTICE_PATH) return '/';
  if (meta.needs && !mayCall(meta.needs, store.session.role)) return '/';
  return true;
}

/**
 * Made after the token is read: hash history rewrites the URL fragment the moment it starts.
 * When the backend logs the user out (idle), the router leaves the screen they were on.
 */
export function createAppRouter(): Router {
  // Hash history works the same under app:// and http://127.0.0.1.
  const router = createRouter({ history: createWebHashHistory(), routes });
  router.beforeEach((to) => guard(to.path, to.meta));
  const store = useSessionStore();
  // Leaving a screen with unsaved input asks first; after a logout there is nobody to ask.
  router.beforeEach((to, from) =>
    to.path === from.path || store.phase !== 'unlocked' ? true : mayLeave(),
  );
  store.$subscribe(() => {
    const target = guard(router.currentRoute.value.path, router.currentRoute.value.meta);
    if (target !== true) void router.replace(target);
  });
  return router;
}
