import type { HandlerMap } from '../context';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export const journalsHandlers = {} satisfies Partial<HandlerMap>;
