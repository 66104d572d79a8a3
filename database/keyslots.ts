import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AuditAction } from '../common/audit-actions';
import { AppError } from '../common/errors';
import { checkScrypt, DEFAULT_SCRYPT, deriveKey, type ScryptParams } from './kdf';

// The slot API takes and stores these; callers of the slots need not know where they live.
export { DEFAULT_SCRYPT, deriveKey, type ScryptParams };

/**
 * The key-slot file beside the database: per user, the database's master key wrapped
 * (AES-256-GCM) by a key derived from that user's password (scrypt). Logging in is unwrapping
 * your slot. It also keeps what must survive while the database is closed: failed-attempt
 * counters and audit events that happened before anyone unlocked the database.
 */

export const SLOT_FILE = 'keyslots.json';
const FORMAT = 'kindergarten-register-keyslots';

export interface Slot {
  id: string;
  kind: 'user' | 'recovery';
  userId?: number;
  username?: string;
  kdf: ScryptParams & { name: 'scrypt'; salt: string };
  iv: string;
  tag: string;
  wrapped: string;
}

export interface LockoutState {
  failures: number;
  /** UTC instant until which attempts are refused without checking the password. */
  lockedUntil?: string;
  /** UTC instant of the last failure: a counter is dropped a day after it. */
  at?: string;
}

export interface PendingAuditEvent {
  at: string;
  action: Extract<AuditAction, 'auth.login.fail' | 'auth.login.lockout'>;
  /** The account, when the name typed was one; an unknown name is not kept. */
  userId?: number;
  detail?: Record<string, string | number>;
}

export interface SlotFileData {
  format: typeof FORMAT;
  version: 1;
  slots: Slot[];
  /**
   * Failed-attempt counters keyed by lockoutKey(): never by the name typed, which may have been
   * a password typed into the wrong field.
   */
  lockouts: Record<string, LockoutState>;
  pendingAudit: PendingAuditEvent[];
  /** Random, per install: the salt of the hashes that key unknown names' counters. */
  nameSalt?: string;
}

/** A failure counter (and its lockout, capped at a day) is forgotten a day after the failure. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;
/** The counter of every attempt with the recovery key: one key per install, one counter. */
export const RECOVERY_LOCKOUT = 'recovery';

/** The authenticated data binds a wrapped key to its slot, so slots cannot be swapped. */
function aad(slot: Pick<Slot, 'id' | 'kind' | 'userId'>): Buffer {
  return Buffer.from(`${FORMAT}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`, 'utf8');
}

export async function wrapKey(
  masterKey: Buffer,
  secret: string,
  params: ScryptParams,
  identity: Pick<Slot, 'kind' | 'userId' | 'username'>,
): Promise<Slot> {
  // Never write a slot that loading would refuse.
  const problem = checkScrypt(params);
  if (problem) throw new RangeError(problem);
  const salt = randomBytes(16);
  return wrapUnder(masterKey, await deriveKey(secret, salt, params), salt, params, identity);
}

/**
 * A slot from a key already derived (scrypt of the secret with `salt` and `params`): a server's
 * password hash is that derivation, so a register moved back to a PC gets its slots from the
 * hashes without anyone's password (electron/api/backup/move-accounts.ts).
 */
export function wrapUnder(
  masterKey: Buffer,
  kek: Buffer,
  salt: Buffer,
  params: ScryptParams,
  identity: Pick<Slot, 'kind' | 'userId' | 'username'>,
): Slot {
  const iv = randomBytes(12);
  const id = randomUUID();
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad({ id, ...identity }));
  const wrapped = Buffer.concat([cipher.update(masterKey), cipher.final()]);
  return {
    id,
    ...identity,
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The master key, or null when the secret is wrong (GCM authentication fails). */
export async function unwrapKey(slot: Slot, secret: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf;
  const kek = await deriveKey(secret, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Write, fsync, rename, fsync the folder: a crash leaves the old file or the new, never half. */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  const dir = await fs.open(path.dirname(file), 'r').catch(() => null);
  if (dir) {
    await dir.sync().catch(() => undefined); // not supported on Windows; the rename is enough there
    await dir.close();
  }
}

function isSlotFile(value: unknown): value is SlotFileData {
  const v = value as SlotFileData;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === FORMAT &&
    v.version === 1 &&
    Array.isArray(v.slots) &&
    typeof v.lockouts === 'object' &&
    Array.isArray(v.pendingAudit)
  );
}

/**
 * The slot's KDF is read from the file and runs before any password is checked, so it gets the
 * same bounds as a backup header: absurd parameters would make every login allocate gigabytes.
 */
function kdfProblem(slot: unknown): string | null {
  const kdf = (slot as Partial<Slot> | null)?.kdf;
  if (typeof kdf !== 'object' || kdf === null) return 'slot without KDF';
  if (kdf.name !== 'scrypt') return 'unknown KDF';
  if (typeof kdf.salt !== 'string') return 'KDF without salt';
  return checkScrypt(kdf);
}

export class KeySlotFile {
  private constructor(
    readonly file: string,
    private data: SlotFileData,
  ) {}

  static pathIn(dataDir: string): string {
    return path.join(dataDir, SLOT_FILE);
  }

  static empty(dataDir: string): KeySlotFile {
    return new KeySlotFile(KeySlotFile.pathIn(dataDir), {
      format: FORMAT,
      version: 1,
      slots: [],
      lockouts: {},
      pendingAudit: [],
    });
  }

  /** Reads the slot file; a damaged or foreign file is reported and left as it is. */
  static async load(dataDir: string): Promise<KeySlotFile> {
    const file = KeySlotFile.pathIn(dataDir);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      throw new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: SLOT_FILE });
    }
    if (!isSlotFile(parsed) || parsed.slots.some((slot) => kdfProblem(slot) !== null)) {
      throw new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: SLOT_FILE });
    }
    const slots = new KeySlotFile(file, parsed);
    slots.dropNames();
    return slots;
  }

  /**
   * Files written before issue 16 keyed counters and pending failures by the name typed:
   * an account's name becomes its id, any other name is dropped (saved with the next save).
   */
  private dropNames(): void {
    const lockouts: Record<string, LockoutState> = {};
    for (const [key, state] of Object.entries(this.data.lockouts)) {
      if (/^(user:\d+|name:[A-Za-z0-9+/=]+|recovery)$/.test(key)) lockouts[key] = state;
      else if (key.startsWith('recovery:')) lockouts[RECOVERY_LOCKOUT] = state;
      else {
        const slot = this.userSlot(key);
        if (slot) lockouts[`user:${slot.userId}`] = state;
      }
    }
    this.data.lockouts = lockouts;
    this.data.pendingAudit = this.data.pendingAudit.map((event) => {
      const legacy = event as PendingAuditEvent & { username?: string };
      if (legacy.username === undefined) return event;
      const { username, ...rest } = legacy;
      const userId = this.userSlot(username)?.userId;
      return userId === undefined ? rest : { ...rest, userId };
    });
  }

  async save(): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.data, null, 1));
  }

  /** Writes these slots as the slot file of another data folder (a restore's staging folder). */
  async saveTo(dataDir: string): Promise<void> {
    await writeFileAtomic(KeySlotFile.pathIn(dataDir), JSON.stringify(this.data, null, 1));
  }

  userSlot(username: string): Slot | undefined {
    return this.data.slots.find((s) => s.kind === 'user' && s.username === username);
  }

  recoverySlot(): Slot | undefined {
    return this.data.slots.find((s) => s.kind === 'recovery');
  }

  /** Any slot's KDF parameters, so that an unknown user costs the same scrypt as a known one. */
  decoyParams(): ScryptParams {
    const slot = this.data.slots[0];
    return slot ? { N: slot.kdf.N, r: slot.kdf.r, p: slot.kdf.p } : DEFAULT_SCRYPT;
  }

  async setUserSlot(
    masterKey: Buffer,
    user: { id: number; username: string },
    password: string,
    params: ScryptParams,
  ): Promise<void> {
    const slot = await wrapKey(masterKey, password, params, {
      kind: 'user',
      userId: user.id,
      username: user.username,
    });
    this.data.slots = this.data.slots.filter((s) => !(s.kind === 'user' && s.userId === user.id));
    this.data.slots.push(slot);
  }

  /** A slot made elsewhere (a moved register's), replacing the same user's or the recovery one. */
  putSlot(slot: Slot): void {
    this.data.slots = this.data.slots.filter((s) =>
      slot.kind === 'user'
        ? !(s.kind === 'user' && s.userId === slot.userId)
        : s.kind !== slot.kind,
    );
    this.data.slots.push(slot);
  }

  removeUserSlot(userId: number): void {
    this.data.slots = this.data.slots.filter((s) => !(s.kind === 'user' && s.userId === userId));
  }

  async setRecoverySlot(
    masterKey: Buffer,
    recoveryKey: string,
    params: ScryptParams,
  ): Promise<void> {
    const slot = await wrapKey(masterKey, normaliseRecoveryKey(recoveryKey), params, {
      kind: 'recovery',
    });
    this.data.slots = this.data.slots.filter((s) => s.kind !== 'recovery');
    this.data.slots.push(slot);
  }

  /**
   * Where the failures of a name typed at login are counted: an account by its id (its slot
   * names it already), any other name by a salted scrypt hash of it. Why scrypt and not HMAC:
   * this file is readable by anyone with the disk, so an HMAC key would have to sit beside the
   * hashes and would protect nothing. With the slots' own scrypt cost, a password typed into the
   * name field is no cheaper to guess from its counter than from the slot it opens, the salt is
   * per install (no table computed once serves every kindergarten), and the counter is gone a
   * day later. It replaces the decoy derivation an unknown name always cost, so logins are not
   * slower.
   */
  async lockoutKey(name: string): Promise<string> {
    const slot = this.userSlot(name);
    if (slot) return `user:${slot.userId}`;
    this.data.nameSalt ??= randomBytes(16).toString('base64');
    const hash = await deriveKey(
      name,
      Buffer.from(this.data.nameSalt, 'base64'),
      this.decoyParams(),
    );
    return `name:${hash.subarray(0, 16).toString('base64')}`;
  }

  lockout(key: string): LockoutState {
    return this.data.lockouts[key] ?? { failures: 0 };
  }

  setLockout(key: string, state: LockoutState): void {
    if (state.failures === 0) delete this.data.lockouts[key];
    else this.data.lockouts[key] = state;
  }

  /**
   * After a successful login: the counters of names that are no account go too. They guard no
   * account (they only make an unknown name behave like one), and one of them may be the
   * password that person typed into the name field a moment ago.
   */
  forgetUnknownNames(): void {
    for (const key of Object.keys(this.data.lockouts)) {
      if (key.startsWith('name:')) delete this.data.lockouts[key];
    }
  }

  /** Drops the counters whose last failure is a day old (their lockout has run out by then). */
  forgetOldFailures(now: Date): void {
    for (const [key, state] of Object.entries(this.data.lockouts)) {
      const last = Date.parse(state.at ?? state.lockedUntil ?? '');
      const lockedUntil = Date.parse(state.lockedUntil ?? '');
      const expired = Number.isNaN(last) || now.getTime() - last >= FORGET_AFTER_MS;
      if (expired && !(lockedUntil > now.getTime())) delete this.data.lockouts[key];
    }
  }

  queueAudit(event: PendingAuditEvent): void {
    // Bounded: a flood of failed attempts must not grow the file without end.
    this.data.pendingAudit = [...this.data.pendingAudit, event].slice(-500);
  }

  takePendingAudit(): PendingAuditEvent[] {
    const events = this.data.pendingAudit;
    this.data.pendingAudit = [];
    return events;
  }
}

/** A recovery key: 32 random bytes as 52 base32 letters in groups of four. */
export function newRecoveryKey(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: it is typed from paper
  const bytes = randomBytes(40);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.slice(0, 52).match(/.{4}/g)!.join('-');
}

export function normaliseRecoveryKey(key: string): string {
  return key.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
