import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { text } from '../validation';
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
  fullName: text(120),
  role: z.enum(ROLES),
}).refine((v) => !sameAsUsername(v.temporaryPassword, v.username), {
  path: ['temporaryPassword'],
  message: 'auth.passwordIsUsername',
});

export const resetPasswordSchema = temporaryPassword({ userId: z.number().int().positive() });

export const usersContract = {
  'users.list': method<UserSummary[]>()(z.object({}).strict()),
  /** A new account with a temporary password that must be changed at first login. */
  'users.create': method<UserSummary>()(createUserSchema),
  /** The head sets a temporary password when one may have leaked (the rules' 6.2). */
  'users.resetPassword': method<void>()(resetPasswordSchema),
};

export const usersPermissions: Permissions<typeof usersContract> = {
  'users.list': ['head'],
  'users.create': ['head'],
  'users.resetPassword': ['head'],
};
