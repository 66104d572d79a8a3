import type { Permissions } from './define';

/** The attendance API: a zod schema of the input and the result type, per method. */
export const attendanceContract = {};

export const attendancePermissions: Permissions<typeof attendanceContract> = {};
