import type { Permissions } from './define';

/** The backup API: a zod schema of the input and the result type, per method. */
export const backupContract = {};

export const backupPermissions: Permissions<typeof backupContract> = {};
