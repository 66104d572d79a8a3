import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../common/roles';

/** A staff account. Deactivated users keep their row: they stay the authors of what they wrote. */
@Entity('user')
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'boolean', name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'text', name: 'password_changed_at', nullable: true })
  passwordChangedAt!: string | null;

  /** The privacy notice's version she last acknowledged (common/privacy-notice.ts); null: none. */
  @Column({ type: 'integer', name: 'privacy_notice_version', nullable: true })
  privacyNoticeVersion!: number | null;

  @Column({ type: 'text', name: 'privacy_notice_at', nullable: true })
  privacyNoticeAt!: string | null;
}
