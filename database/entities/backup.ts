import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Automatic backup settings and their last outcome (one row, id 1). The passphrase is kept
 * wrapped (AES-256-GCM) under a key derived from the database's master key, so it is readable
 * only while the register is unlocked.
 */
@Entity('backup_settings')
export class BackupSettings {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'boolean', default: false })
  enabled!: boolean;

  @Column({ type: 'text', default: '' })
  folder!: string;

  /** base64 of nonce ‖ tag ‖ ciphertext; null until the head sets a passphrase. */
  @Column({ type: 'text', name: 'passphrase_wrapped', nullable: true })
  passphraseWrapped!: string | null;

  @Column({ type: 'text', name: 'last_success_at', nullable: true })
  lastSuccessAt!: string | null;

  @Column({ type: 'text', name: 'last_success_file', nullable: true })
  lastSuccessFile!: string | null;

  @Column({ type: 'text', name: 'last_failure_at', nullable: true })
  lastFailureAt!: string | null;

  /** A message key (common/messages/backup.ts), rendered in the reader's language. */
  @Column({ type: 'text', name: 'last_failure_key', nullable: true })
  lastFailureKey!: string | null;
}

/** Entities of the backup domain; each class is also listed in BACKUP_ENTITIES. */
export const BACKUP_ENTITIES: (new () => object)[] = [BackupSettings];
