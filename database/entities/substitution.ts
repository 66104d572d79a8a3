import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Teacher `substituteId` works in group `groupId` for the absent teacher `absentId` from
 * `fromDate` to `toDate` (ISO dates, both included). Access follows from the dates alone, so it
 * begins and ends by itself; the absent teacher's own assignment is never touched.
 */
@Entity('substitution')
@Index('idx_substitution_substitute', ['substituteId', 'fromDate'])
@Index('idx_substitution_group', ['groupId', 'fromDate'])
export class Substitution {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'integer', name: 'substitute_id' })
  substituteId!: number;

  @Column({ type: 'integer', name: 'absent_id' })
  absentId!: number;

  @Column({ type: 'text', name: 'from_date' })
  fromDate!: string;

  @Column({ type: 'text', name: 'to_date' })
  toDate!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'integer', name: 'created_by' })
  createdBy!: number;
}

/** Entities of the substitution domain. */
export const SUBSTITUTION_ENTITIES = [Substitution];
