import type { Permissions } from './define';

/** The planning API: a zod schema of the input and the result type, per method. */
export const planningContract = {};

export const planningPermissions: Permissions<typeof planningContract> = {};
