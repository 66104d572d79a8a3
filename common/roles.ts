/** Staff roles. The substitute is not a role: any teacher becomes one for a dated period. */
export const ROLES = ['head', 'deputy', 'teacher', 'speech', 'nurse'] as const;
export type Role = (typeof ROLES)[number];
