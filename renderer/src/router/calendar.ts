import type { RouteRecordRaw } from 'vue-router';

/** The head's working-day calendar, a child of the main layout; meta.nav puts it in the menu. */
export const calendarRoutes: RouteRecordRaw[] = [
  {
    path: 'calendar',
    component: () => import('../views/calendar/CalendarView.vue'),
    meta: {
      needs: 'calendar.list',
      nav: { label: 'calendar.nav', icon: 'pi pi-calendar-times', section: 'planning' },
    },
  },
];
