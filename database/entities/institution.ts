import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DEFAULT_RETENTION_YEARS } from '../../common/contract/privacy';
import { DEFAULT_ATTENDANCE_DEADLINE, DEFAULT_IDLE_MINUTES } from '../../common/contract/settings';

/** The one kindergarten this register belongs to (id is always 1), with its settings. */
@Entity('institution')
export class Institution {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', name: 'reg_no' })
  regNo!: string;

  @Column({ type: 'text' })
  address!: string;

  /** Daily attendance is due by this local time (Europe/Riga), "HH:MM". */
  @Column({ type: 'text', name: 'attendance_deadline', default: DEFAULT_ATTENDANCE_DEADLINE })
  attendanceDeadline!: string;

  @Column({ type: 'integer', name: 'idle_minutes', default: DEFAULT_IDLE_MINUTES })
  idleMinutes!: number;

  /** "MM-DD": the school year runs from this day to the day before it a year later. */
  @Column({ type: 'text', name: 'school_year_start', default: '09-01' })
  schoolYearStart!: string;

  /** Marks are due this many days after a topic ends (the rules' 3.4). */
  @Column({ type: 'integer', name: 'assessment_due_days', default: 5 })
  assessmentDueDays!: number;

  /**
   * A child's record is kept until the end of this many school years after the school year in
   * which the child left (issue 16: five by default; the head may change it).
   */
  @Column({ type: 'integer', name: 'retention_years', default: DEFAULT_RETENTION_YEARS })
  retentionYears!: number;

  @Column({ type: 'boolean', name: 'recovery_key_confirmed', default: false })
  recoveryKeyConfirmed!: boolean;
}
