import { z } from 'zod';
import type { Role } from '../roles';
import { nameText, text } from '../validation';
import { method, type Permissions } from './define';

export interface SessionInfo {
  userId: number;
  username: string;
  fullName: string;
  role: Role;
  mustChangePassword: boolean;
  recoveryKeyPending: boolean;
  institutionName: string;
  idleMinutes: number;
  /** She has not yet acknowledged the current privacy notice (common/privacy-notice.ts). */
  privacyNoticePending: boolean;
}

export const PASSWORD_MIN = 10;
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'v.required')
  .max(40, 'v.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'v.username');
export const passwordSchema = z.string().min(PASSWORD_MIN, 'v.tooShort').max(200, 'v.tooLong');
const anyPassword = z.string().min(1, 'v.required').max(200, 'v.tooLong');

/** A new password typed twice; it must not be the user name. */
function newPassword<T extends z.ZodRawShape>(shape: T, usernameField?: keyof T & string) {
  return z
    .object({ ...shape, newPassword: passwordSchema, newPasswordRepeat: z.string() })
    .strict()
    .superRefine((v, ctx) => {
      const value = v as { newPassword: string; newPasswordRepeat: string } & Record<
        string,
        unknown
      >;
      if (value.newPassword !== value.newPasswordRepeat) {
        ctx.addIssue({ code: 'custom', path: ['newPasswordRepeat'], message: 'v.mismatch' });
      }
      if (usernameField && sameAsUsername(value.newPassword, String(value[usernameField]))) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'auth.passwordIsUsername' });
      }
    });
}

export function sameAsUsername(password: string, username: string): boolean {
  return password.trim().toLowerCase() === username.trim().toLowerCase();
}

export const institutionSchema = z
  .object({
    name: nameText(200),
    regNo: z
      .string()
      .trim()
      .regex(/^\d{11}$/, 'v.regNo'),
    address: text(300),
  })
  .strict();

export const setupSchema = z
  .object({
    institution: institutionSchema,
    head: newPassword({ fullName: nameText(120), username: usernameSchema }, 'username'),
  })
  .strict();

export const loginSchema = z.object({ username: usernameSchema, password: anyPassword }).strict();

export const changePasswordSchema = newPassword({ currentPassword: anyPassword });

export const recoverSchema = newPassword(
  {
    recoveryKey: z.string().trim().min(1, 'v.required').max(200, 'v.tooLong'),
    username: usernameSchema,
  },
  'username',
);

export const authContract = {
  /** First run: creates the institution and the head, logs her in, returns the recovery key once. */
  'auth.setup': method<{ recoveryKey: string; session: SessionInfo }>()(setupSchema),
  /** The head confirms she has stored the recovery key. */
  'auth.confirmRecoveryKey': method<SessionInfo>()(z.object({}).strict()),
  /** Replaces the recovery key (the old one stops working); shown once. */
  'auth.newRecoveryKey': method<{ recoveryKey: string }>()(z.object({}).strict()),
  'auth.login': method<SessionInfo>()(loginSchema),
  'auth.logout': method<void>()(z.object({}).strict()),
  'auth.changePassword': method<SessionInfo>()(changePasswordSchema),
  /** The head opens the register with the recovery key and sets a new password. */
  'auth.recover': method<SessionInfo>()(recoverSchema),
};

export const authPermissions: Permissions<typeof authContract> = {
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.recover': 'public',
  'auth.logout': 'session',
  'auth.changePassword': 'session',
  'auth.confirmRecoveryKey': ['head'],
  'auth.newRecoveryKey': ['head'],
};
