import type { HandlerMap } from '../context';

export const peopleHandlers = {} satisfies Partial<HandlerMap>;
