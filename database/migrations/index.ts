import { Initial0000000000001 } from './0001-initial';

/** Every migration, in order. A new one is a new numbered file added at the end. */
export const MIGRATIONS = [Initial0000000000001];
