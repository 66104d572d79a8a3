import { type Permissions } from './define';

/** The deputy head's diary and journal checks (the rules' 3.8, 3.9, 3.12). */
export const supervisionContract = {};

export const supervisionPermissions: Permissions<typeof supervisionContract> = {};
