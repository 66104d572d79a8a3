import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Server mode's accounts (the single-PC register keeps these in its key-slot file instead, and
 * leaves both tables empty): a password's or the recovery key's scrypt hash, and the failed-login
 * counters per user name and per client address.
 */
@Entity('credential')
export class Credential {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** 'password' (of user_id) or 'recovery' (the head's recovery key; no user). */
  @Column({ type: 'text' })
  kind!: 'password' | 'recovery';

  @Column({ type: 'integer', name: 'user_id', nullable: true, unique: true })
  userId!: number | null;

  /** JSON: {"name":"scrypt","N":…,"r":…,"p":…,"salt":base64}. */
  @Column({ type: 'text' })
  kdf!: string;

  /** The derived key, base64. */
  @Column({ type: 'text' })
  hash!: string;

  @Column({ type: 'text', name: 'changed_at' })
  changedAt!: string;
}

@Entity('login_lockout')
export class LoginLockout {
  /** 'user:<name>', 'recovery:<name>' or 'address:<client address>'. */
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'text', name: 'locked_until', nullable: true })
  lockedUntil!: string | null;
}

export const ACCOUNT_ENTITIES = [Credential, LoginLockout];
