import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AbsenceCode, MarkRole } from '../../common/contract/attendance';

/** A group's day confirmed by a teacher ("Apstiprināt apmeklējumu"); one row per group and date. */
@Entity('attendance_day')
@Index('idx_attendance_day_group_date', ['groupId', 'date'], { unique: true })
@Index('idx_attendance_day_date', ['date'])
export class AttendanceDay {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'integer', name: 'confirmed_by' })
  confirmedBy!: number;

  @Column({ type: 'text', name: 'confirmed_at' })
  confirmedAt!: string;

  /** Confirmed after the attendance deadline (Riga time) of that day. */
  /** The absent teacher the confirming substitute stood in for (the rules' 3.11). */
  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;

  @Column({ type: 'boolean' })
  late!: boolean;
}

/**
 * An absence: child + date + code. Present is the default and has no row; setting a child back
 * to present deletes the row (the history table keeps what it was). `group_id` is the group of
 * the enrolment on that date, so a group's month is one indexed range query.
 */
@Entity('attendance_mark')
@Index('idx_attendance_mark_child_date', ['childId', 'date'], { unique: true })
@Index('idx_attendance_mark_group_date', ['groupId', 'date'])
export class AttendanceMark {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'child_id' })
  childId!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'text' })
  code!: AbsenceCode;

  /** The last change was the nurse's correction. */
  @Column({ type: 'boolean' })
  corrected!: boolean;

  @Column({ type: 'integer', name: 'updated_by' })
  updatedBy!: number;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;
}

/** Every set and correction of a cell: who, when, in which capacity, old → new, why. */
@Entity('attendance_mark_history')
@Index('idx_attendance_mark_history_cell', ['childId', 'date'])
export class AttendanceMarkHistory {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'child_id' })
  childId!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'text', name: 'old_code', nullable: true })
  oldCode!: AbsenceCode | null;

  @Column({ type: 'text', name: 'new_code', nullable: true })
  newCode!: AbsenceCode | null;

  @Column({ type: 'integer', name: 'actor_id' })
  actorId!: number;

  @Column({ type: 'text', name: 'acted_as' })
  actedAs!: MarkRole;

  /** The absent teacher a substitute works for (the substitution issue fills it). */
  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text' })
  at!: string;
}

/** The nurse's confirmation that she checked every group's attendance of a day. */
@Entity('nurse_check')
@Index('idx_nurse_check_date', ['date'], { unique: true })
export class NurseCheck {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'integer', name: 'checked_by' })
  checkedBy!: number;

  @Column({ type: 'text', name: 'checked_at' })
  checkedAt!: string;
}

/** The head's extra moved working days and the kindergarten's closures (holidays are in code). */
@Entity('calendar_day')
@Index('idx_calendar_day_date', ['date'], { unique: true })
export class CalendarDay {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The weekday made a day off (moved) or the day closed (closure). */
  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'text' })
  kind!: 'moved' | 'closure';

  @Column({ type: 'text', name: 'work_saturday', nullable: true })
  workSaturday!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'integer', name: 'created_by' })
  createdBy!: number;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;
}

/** Entities of the attendance domain; each class is also listed in ATTENDANCE_ENTITIES. */
export const ATTENDANCE_ENTITIES: (new () => object)[] = [
  AttendanceDay,
  AttendanceMark,
  AttendanceMarkHistory,
  NurseCheck,
  CalendarDay,
];
