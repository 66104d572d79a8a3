import type { HandlerMap } from '../context';

export const backupHandlers = {} satisfies Partial<HandlerMap>;
