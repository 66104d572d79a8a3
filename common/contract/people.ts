import type { Permissions } from './define';

/** The people API: a zod schema of the input and the result type, per method. */
export const peopleContract = {};

export const peoplePermissions: Permissions<typeof peopleContract> = {};
