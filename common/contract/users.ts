import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { nameText } from '../validation';
import { passwordSchema, sameAsUsername, usernameSchema } from './auth';
import { method, type Permissions } from './define';

export interface UserSummary {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
}

const temporaryPassword = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, temporaryPassword: passwordSchema }).strict();

export const createUserSchema = temporaryPassword({
  username: usernameSchema,
  fullName: nameText(120),
  role: z.enum(ROLES),
}).refine((v) => !sameAsUsername(v.temporaryPassword, v.username), {
  path: ['temporaryPassword'],
  message: 'auth.passwordIsUsername',
});

export const resetPasswordSchema = temporaryPassword({ userId: z.number().int().positive() });

export const updateUserSchema = z
  .object({ userId: z.number().int().positive(), fullName: nameText(120), role: z.enum(ROLES) })
  .strict();

export const deactivateUserSchema = z.object({ userId: z.number().int().positive() }).strict();

export const usersContract = {
  /** The head sees every account; the deputy the teachers' (the rules' 2.1). */
  'users.list': method<UserSummary[]>()(z.object({}).strict()),
  /** A new account with a temporary password that must be changed at first login. */
  'users.create': method<UserSummary>()(createUserSchema),
  'users.update': method<UserSummary>()(updateUserSchema),
  /**
   * Removes the user's key slot so they cannot log in; the row stays, so they remain the author
   * of what they wrote. The last active head cannot be deactivated.
   */
  'users.deactivate': method<UserSummary>()(deactivateUserSchema),
  /** The head sets a temporary password when one may have leaked (the rules' 6.2). */
  'users.resetPassword': method<void>()(resetPasswordSchema),
};

export const usersPermissions: Permissions<typeof usersContract> = {
  'users.list': ['head', 'deputy'],
  'users.create': ['head', 'deputy'],
  'users.update': ['head', 'deputy'],
  'users.deactivate': ['head', 'deputy'],
  'users.resetPassword': ['head'],
};
