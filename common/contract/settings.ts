import type { Permissions } from './define';

/** The settings API: a zod schema of the input and the result type, per method. */
export const settingsContract = {};

export const settingsPermissions: Permissions<typeof settingsContract> = {};
