import type { HandlerMap } from '../context';

/** The deputy head's diary and journal checks (the rules' 3.8, 3.9, 3.12). */
export const supervisionHandlers = {} satisfies Partial<HandlerMap>;
