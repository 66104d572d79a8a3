import type { HandlerMap } from '../context';

export const settingsHandlers = {} satisfies Partial<HandlerMap>;
