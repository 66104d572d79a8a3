import type { HandlerMap } from '../context';

export const attendanceHandlers = {} satisfies Partial<HandlerMap>;
