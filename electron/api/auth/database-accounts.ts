import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuditAction } from '../../../common/audit-actions';
import { AppError } from '../../../common/errors';
import { User } from '../../../database/entities';
import { Credential, LoginLockout } from '../../../database/entities/accounts';
import { checkScrypt, deriveKey, type ScryptParams } from '../../../database/kdf';
import { normaliseRecoveryKey, unwrapKey } from '../../../database/keyslots';
import { audit } from '../audit/audit';
import type { KeySlotCredential } from '../backup/move-accounts';
import type { Context } from '../context';
import { serverSecret } from '../server-secret';
import { sessionUser, type AccountStore, type PhaseAnswer } from './accounts';
import { lockSecondsLeft, registerFailure } from './lockout';

interface StoredKdf extends ScryptParams {
  name: 'scrypt';
  salt: string;
}

async function hashSecret(secret: string, params: ScryptParams) {
  const salt = randomBytes(16);
  const hash = await deriveKey(secret, salt, params);
  const kdf: StoredKdf = { name: 'scrypt', ...params, salt: salt.toString('base64') };
  return { kdf: JSON.stringify(kdf), hash: hash.toString('base64') };
}

/** A credential still in the form it was moved in from one PC (backup/move-accounts.ts). */
function movedSlot(credential: Credential | null): KeySlotCredential | null {
  if (!credential) return null;
  const kdf = JSON.parse(credential.kdf) as { name: string };
  return kdf.name === 'key-slot' ? (kdf as KeySlotCredential) : null;
}

/** The file of the key that names a typed username in the lockout table (../server-secret.ts). */
export const LOCKOUT_KEY_FILE = 'login-lockout.key';

/**
 * The lockout counter's name for a typed username: keyed by an HMAC, not the name itself, because
 * people type their password into the username field, and the table must not keep it in clear.
 */
function userLock(ctx: Context, username: string): string {
  const key = serverSecret(ctx.state.dataDir, LOCKOUT_KEY_FILE);
  return `user:${createHmac('sha256', key).update(username).digest('base64url')}`;
}

async function matches(credential: Credential | null, secret: string): Promise<boolean> {
  if (!credential) return false;
  const moved = movedSlot(credential);
  // A moved key slot is its own verifier: the right password unwraps it (GCM authenticates).
  if (moved) {
    return checkScrypt(moved.slot.kdf) === null && (await unwrapKey(moved.slot, secret)) !== null;
  }
  const kdf = JSON.parse(credential.kdf) as StoredKdf;
  // Parameters read from the database get the same bounds as a key slot's or a backup's.
  if (kdf.name !== 'scrypt' || checkScrypt(kdf) !== null) return false;
  const derived = await deriveKey(secret, Buffer.from(kdf.salt, 'base64'), kdf);
  const stored = Buffer.from(credential.hash, 'base64');
  return stored.length === derived.length && timingSafeEqual(stored, derived);
}

/**
 * Server mode's accounts: scrypt hashes in the database, which is always open (PostgreSQL
 * behind the server's disk encryption). Failed logins are counted per user name and per client
 * address, with the single-PC rules (./lockout.ts), and audited at once.
 */
export class DatabaseAccounts implements AccountStore {
  readonly kind = 'database';

  constructor(private readonly db: DataSource) {}

  async phase(): Promise<PhaseAnswer> {
    const [row] = await this.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM institution');
    return { phase: Number(row?.n ?? 0) > 0 ? 'locked' : 'setup' };
  }

  async setup(
    ctx: Context,
    write: (m: EntityManager) => Promise<User>,
    password: string,
    recoveryKey: string,
  ): Promise<void> {
    const head = await this.db.transaction(async (m) => {
      const user = await write(m);
      await this.setPassword(ctx, m, user, password);
      await this.setRecoveryKey(ctx, m, recoveryKey);
      return user;
    });
    await ctx.state.close();
    ctx.state.open(this.db, undefined, sessionUser(head));
  }

  async login(ctx: Context, username: string, password: string): Promise<void> {
    const names = lockoutNames(ctx, userLock(ctx, username));
    await this.refuseIfLocked(ctx, names);
    const user = await this.db.getRepository(User).findOneBy({ username });
    const credential = user
      ? await this.db.getRepository(Credential).findOneBy({ kind: 'password', userId: user.id })
      : null;
    if (!credential) await hashSecret(password, ctx.state.scrypt); // the same cost as a real check
    if (!user?.active || !(await matches(credential, password))) {
      return this.refuse(ctx, names, user?.id, 'error.BAD_CREDENTIALS');
    }
    // The first good login after a move from one PC rehashes the slot to the server's own form.
    const rehash = movedSlot(credential)
      ? (m: EntityManager) => this.setPassword(ctx, m, user, password)
      : undefined;
    await this.admit(ctx, user, names, 'auth.login.success', rehash);
  }

  async recover(
    ctx: Context,
    recoveryKey: string,
    username: string,
    newPassword: string,
  ): Promise<User> {
    const names = lockoutNames(ctx, `recovery:${username}`);
    await this.refuseIfLocked(ctx, names);
    const credential = await this.db.getRepository(Credential).findOneBy({ kind: 'recovery' });
    const right = await matches(credential, normaliseRecoveryKey(recoveryKey));
    const user = right
      ? await this.db.getRepository(User).findOneBy({ username, role: 'head' })
      : null;
    if (!user?.active) {
      const known = await this.db.getRepository(User).findOneBy({ username });
      return this.refuse(ctx, names, known?.id, 'auth.wrongRecoveryKey');
    }
    await this.db.transaction(async (m) => {
      await this.setPassword(ctx, m, user, newPassword);
      if (movedSlot(credential)) await this.setRecoveryKey(ctx, m, recoveryKey);
    });
    await this.admit(ctx, user, [...names, userLock(ctx, username)], 'auth.password.recover');
    return user;
  }

  async checkPassword(ctx: Context, password: string): Promise<boolean> {
    const credential = await this.db
      .getRepository(Credential)
      .findOneBy({ kind: 'password', userId: ctx.user.id });
    return matches(credential, password);
  }

  async setPassword(
    ctx: Context,
    m: EntityManager,
    user: { id: number; username: string },
    password: string,
    options: { resetLockout?: boolean } = {},
  ): Promise<void> {
    const { kdf, hash } = await hashSecret(password, ctx.state.scrypt);
    await m.delete(Credential, { kind: 'password', userId: user.id });
    await m.insert(Credential, {
      kind: 'password',
      userId: user.id,
      kdf,
      hash,
      changedAt: ctx.now().toISOString(),
    });
    if (options.resetLockout) await m.delete(LoginLockout, { name: userLock(ctx, user.username) });
  }

  async removePassword(_ctx: Context, m: EntityManager, userId: number): Promise<void> {
    await m.delete(Credential, { kind: 'password', userId });
  }

  async setRecoveryKey(ctx: Context, m: EntityManager, recoveryKey: string): Promise<void> {
    const { kdf, hash } = await hashSecret(normaliseRecoveryKey(recoveryKey), ctx.state.scrypt);
    await m.delete(Credential, { kind: 'recovery' });
    await m.insert(Credential, {
      kind: 'recovery',
      userId: null,
      kdf,
      hash,
      changedAt: ctx.now().toISOString(),
    });
  }

  /** The pool serves every session; a session's end gives nothing back. */
  async endSession(): Promise<void> {}

  /** A right password: the counters start again, the login is audited, the session opens. */
  private async admit(
    ctx: Context,
    user: User,
    names: string[],
    action: AuditAction,
    rehash?: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await rehash?.(m);
      await m.delete(LoginLockout, { name: In(names) });
      await audit(m, ctx.now(), { action, actorId: user.id, entity: 'user', entityId: user.id });
    });
    await ctx.state.close();
    ctx.state.open(this.db, undefined, sessionUser(user));
  }

  private async refuseIfLocked(ctx: Context, names: string[]): Promise<void> {
    const rows = await this.db.getRepository(LoginLockout).findBy({ name: In(names) });
    const seconds = Math.max(
      0,
      ...rows.map((row) =>
        lockSecondsLeft(
          { failures: row.failures, lockedUntil: row.lockedUntil ?? undefined },
          ctx.now(),
        ),
      ),
    );
    if (seconds > 0) throw new AppError('LOCKED', 'error.LOCKED', { seconds });
  }

  /**
   * Counts the failure under each name (one statement each, so that attempts at the same moment
   * all count), audits it and throws the refusal; the lockout message once attempts are used up.
   */
  private async refuse(
    ctx: Context,
    names: string[],
    userId: number | undefined,
    badKey: string,
  ): Promise<never> {
    const now = ctx.now();
    let locked = { seconds: 0, failures: 0 };
    await this.db.transaction(async (m) => {
      for (const name of names) {
        const [row] = await m.query<{ failures: number }[]>(
          'INSERT INTO login_lockout (name, failures, locked_until) VALUES (?, 1, NULL) ' +
            'ON CONFLICT (name) DO UPDATE SET failures = login_lockout.failures + 1 ' +
            'RETURNING failures',
          [name],
        );
        const next = registerFailure({ failures: row.failures - 1 }, now);
        if (next.lockedFor === 0) continue;
        await m.update(LoginLockout, { name }, { lockedUntil: next.lockedUntil });
        if (next.lockedFor > locked.seconds) {
          locked = { seconds: next.lockedFor, failures: next.failures };
        }
      }
      const address = ctx.state.clientAddress;
      const detail = address ? { address } : undefined;
      await audit(m, now, {
        action: 'auth.login.fail',
        actorId: null,
        entity: 'user',
        entityId: userId,
        after: detail,
      });
      if (locked.seconds > 0) {
        await audit(m, now, {
          action: 'auth.login.lockout',
          actorId: null,
          entity: 'user',
          entityId: userId,
          after: { ...detail, ...locked },
        });
      }
    });
    if (locked.seconds > 0) {
      throw new AppError('LOCKED', 'error.LOCKED', { seconds: locked.seconds });
    }
    throw new AppError('BAD_CREDENTIALS', badKey);
  }
}

/** The names a failure counts under: the account's, and the client's address on a server. */
function lockoutNames(ctx: Context, name: string): string[] {
  const address = ctx.state.clientAddress;
  return address ? [name, `address:${address}`] : [name];
}
