import type { RouteRecordRaw } from 'vue-router';

/** Screens of the people domain, children of the main layout; meta.nav puts them in the menu. */
export const peopleRoutes: RouteRecordRaw[] = [
  {
    path: 'groups',
    component: () => import('../views/people/GroupsView.vue'),
    meta: {
      needs: 'groups.list',
      nav: { label: 'people.nav.groups', icon: 'pi pi-sitemap', section: 'management' },
    },
  },
  {
    path: 'children',
    component: () => import('../views/people/ChildrenView.vue'),
    meta: {
      needs: 'children.list',
      nav: { label: 'people.nav.children', icon: 'pi pi-users', section: 'management' },
    },
  },
  {
    path: 'applications',
    component: () => import('../views/people/ApplicationsView.vue'),
    meta: {
      needs: 'applications.list',
      nav: { label: 'people.nav.applications', icon: 'pi pi-inbox', section: 'management' },
    },
  },
  {
    path: 'import',
    component: () => import('../views/people/ImportView.vue'),
    meta: {
      needs: 'import.preview',
      nav: { label: 'people.nav.import', icon: 'pi pi-upload', section: 'management' },
    },
  },
  {
    path: 'settings',
    component: () => import('../views/people/SettingsView.vue'),
    meta: {
      needs: 'settings.update',
      nav: {
        label: 'people.nav.settings',
        icon: 'pi pi-cog',
        section: 'management',
        hub: 'settings',
      },
    },
  },
];
