import type { HandlerMap } from '../context';
import * as day from './day';
import { exportMonth } from './export';
import { cellHistory } from './history';
import * as month from './month';
import * as nurse from './nurse';

export const attendanceHandlers = {
  'attendance.groups': (input, ctx) => day.groupsOn(ctx, input.date),
  'attendance.day': (input, ctx) => day.dayView(ctx, input.groupId, input.date),
  'attendance.save': (input, ctx) => day.saveMarks(ctx, input),
  'attendance.confirm': (input, ctx) => day.confirmDay(ctx, input.groupId, input.date),
  'attendance.month': (input, ctx) => month.monthGrid(ctx, input.groupId, input.month),
  'attendance.nurseDay': (input, ctx) => nurse.nurseDay(ctx, input.date),
  'attendance.nurseConfirm': (input, ctx) => nurse.nurseConfirm(ctx, input.date),
  'attendance.history': (input, ctx) => cellHistory(ctx, input.childId, input.date),
  'attendance.export': (input, ctx) => exportMonth(ctx, input),
  'attendance.summary': (input, ctx) => month.monthSummary(ctx, input.month),
} satisfies Partial<HandlerMap>;
