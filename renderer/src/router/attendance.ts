import type { RouteRecordRaw } from 'vue-router';

/** Screens of the attendance domain, children of the main layout; meta.nav puts them in the menu. */
export const attendanceRoutes: RouteRecordRaw[] = [
  {
    path: 'attendance',
    component: () => import('../views/attendance/AttendanceDayView.vue'),
    meta: {
      needs: 'attendance.day',
      nav: { label: 'attendance.nav.day', icon: 'pi pi-check-square', section: 'daily' },
    },
  },
  {
    path: 'attendance/month',
    component: () => import('../views/attendance/AttendanceMonthView.vue'),
    meta: {
      needs: 'attendance.month',
      nav: { label: 'attendance.nav.month', icon: 'pi pi-table', section: 'daily' },
    },
  },
  {
    path: 'attendance/nurse',
    component: () => import('../views/attendance/NurseCheckView.vue'),
    meta: {
      needs: 'attendance.nurseDay',
      nav: { label: 'attendance.nav.nurse', icon: 'pi pi-heart', section: 'daily' },
    },
  },
  {
    path: 'attendance/summary',
    component: () => import('../views/attendance/AttendanceSummaryView.vue'),
    meta: {
      needs: 'attendance.summary',
      nav: { label: 'attendance.nav.summary', icon: 'pi pi-chart-bar', section: 'management' },
    },
  },
];
