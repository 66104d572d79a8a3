import { type Permissions } from './define';

/** Individual work journal and talks with parents (the rules' 3.6, 3.7, 3.10). */
export const journalsContract = {};

export const journalsPermissions: Permissions<typeof journalsContract> = {};
