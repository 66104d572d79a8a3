import type { HandlerMap } from '../context';

/** Substitutes: teacher X works in teacher Y's group for a period (the rules' 3.11). */
export const substitutionHandlers = {} satisfies Partial<HandlerMap>;
