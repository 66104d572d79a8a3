import type { HandlerMap } from '../context';

export const planningHandlers = {} satisfies Partial<HandlerMap>;
