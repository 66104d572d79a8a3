import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who is in the kindergarten. Dates are ISO 'YYYY-MM-DD' strings, instants ISO UTC strings.
 * `search_name` columns hold the name folded for search (lower case, no diacritics), so that
 * "berzins" finds "Bērziņš" with an indexed LIKE instead of scanning every row in JS.
 */

/** A group for one school year ("3. grupa «Zīlītes»"); a summer merged group is a short range. */
@Entity('group')
export class Group {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', nullable: true })
  number!: number | null;

  @Column({ type: 'text' })
  name!: string;

  /** Age range in months (1.5 years = 18). */
  @Column({ type: 'integer', name: 'age_from_months' })
  ageFromMonths!: number;

  @Column({ type: 'integer', name: 'age_to_months' })
  ageToMonths!: number;

  @Column({ type: 'integer' })
  capacity!: number;

  /** The calendar year the school year starts in (2026 for 2026/2027). */
  @Column({ type: 'integer', name: 'school_year' })
  schoolYear!: number;

  @Column({ type: 'text', name: 'active_from' })
  activeFrom!: string;

  @Column({ type: 'text', name: 'active_to' })
  activeTo!: string;
}

/** A teacher assigned to a group for a period (toDate null: until further notice). */
@Entity('group_teacher')
@Index('idx_group_teacher_user', ['userId'])
@Index('idx_group_teacher_group', ['groupId'])
export class GroupTeacher {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'integer', name: 'user_id' })
  userId!: number;

  @Column({ type: 'text', name: 'from_date' })
  fromDate!: string;

  @Column({ type: 'text', name: 'to_date', nullable: true })
  toDate!: string | null;
}

@Entity('child')
@Index('idx_child_search', ['searchName'])
export class Child {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', name: 'first_name' })
  firstName!: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  /** Eleven digits, no hyphen (common/personal-code.ts normalises). */
  @Column({ type: 'text', name: 'personal_code', unique: true })
  personalCode!: string;

  @Column({ type: 'text', name: 'birth_date' })
  birthDate!: string;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  /** When the head anonymised the record after its retention period (issue 16); null: never. */
  @Column({ type: 'text', name: 'anonymised_at', nullable: true })
  anonymisedAt!: string | null;
}

/** A child in a group from one date to another (toDate null: still there). History is kept. */
@Entity('enrolment')
@Index('idx_enrolment_group', ['groupId', 'fromDate'])
@Index('idx_enrolment_child', ['childId'])
export class Enrolment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'child_id' })
  childId!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'text', name: 'from_date' })
  fromDate!: string;

  @Column({ type: 'text', name: 'to_date', nullable: true })
  toDate!: string | null;
}

/** A parent or legal guardian. */
@Entity('guardian')
@Index('idx_guardian_search', ['searchName'])
export class Guardian {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', name: 'first_name' })
  firstName!: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  /** Normalised: 8 digits for Latvia, or + and digits. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Agreed (on the written application of 2.3) to receive the register's e-mail. */
  @Column({ type: 'boolean', name: 'agrees_email', default: false })
  agreesEmail!: boolean;

  /** JSON array of consent codes the guardian has given (see common/contract/people.ts). */
  @Column({ type: 'text', default: '[]' })
  consents!: string;
}

/** Which guardian belongs to which child, and how (māte, tēvs, aizbildnis, cits). */
@Entity('child_guardian')
@Index('idx_child_guardian_guardian', ['guardianId'])
export class ChildGuardian {
  @PrimaryColumn({ type: 'integer', name: 'child_id' })
  childId!: number;

  @PrimaryColumn({ type: 'integer', name: 'guardian_id' })
  guardianId!: number;

  @Column({ type: 'text' })
  relation!: string;
}

/** A parent's written application to be connected to the register ("Pielikums Nr.1"). */
@Entity('parent_application')
@Index('idx_parent_application_status', ['status', 'receivedOn'])
export class ParentApplication {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', name: 'received_on' })
  receivedOn!: string;

  @Column({ type: 'text', name: 'parent_name' })
  parentName!: string;

  @Column({ type: 'text', name: 'parent_phone' })
  parentPhone!: string;

  /** The e-mail address written on the form, if any. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** The form's consent to receive the register's e-mail. */
  @Column({ type: 'boolean', name: 'agrees_email', default: false })
  agreesEmail!: boolean;

  @Column({ type: 'text', name: 'child_name' })
  childName!: string;

  @Column({ type: 'integer', name: 'child_id', nullable: true })
  childId!: number | null;

  @Column({ type: 'integer', name: 'group_id', nullable: true })
  groupId!: number | null;

  /** received → connected (connectedOn) or refused (refusalReason). */
  @Column({ type: 'text' })
  status!: 'received' | 'connected' | 'refused';

  @Column({ type: 'text', name: 'connected_on', nullable: true })
  connectedOn!: string | null;

  @Column({ type: 'text', name: 'refusal_reason', nullable: true })
  refusalReason!: string | null;

  /** The guardian the application connected. */
  @Column({ type: 'integer', name: 'guardian_id', nullable: true })
  guardianId!: number | null;

  @Column({ type: 'integer', name: 'created_by' })
  createdBy!: number;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;
}

export const PEOPLE_ENTITIES = [
  Group,
  GroupTeacher,
  Child,
  Enrolment,
  Guardian,
  ChildGuardian,
  ParentApplication,
];
