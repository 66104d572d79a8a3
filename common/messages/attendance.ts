import type { DomainMessages } from './types';

/** Messages of attendance and the working-day calendar; keys start with 'attendance.'. */
export const attendanceMessages: DomainMessages = {
  lv: {},
  en: {},
};
