import { type Permissions } from './define';

/** Substitutes: teacher X works in teacher Y's group for a period (the rules' 3.11). */
export const substitutionContract = {};

export const substitutionPermissions: Permissions<typeof substitutionContract> = {};
