import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The individual work journal (the rules' 3.6, 3.7) and talks with parents (3.10). Dates are
 * ISO 'YYYY-MM-DD' strings, instants ISO UTC strings.
 */

/** One play session, individual work or individual lesson, about one or more children. */
@Entity('individual_work_entry')
@Index('idx_individual_work_date', ['date'])
@Index('idx_individual_work_author', ['authorId', 'date'])
export class IndividualWorkEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  date!: string;

  /** 'play' | 'individualWork' | 'individualLesson'. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'integer', name: 'duration_minutes', nullable: true })
  durationMinutes!: number | null;

  @Column({ type: 'integer', name: 'author_id' })
  authorId!: number;

  /** The absent teacher the author substituted for in the (first) child's group that day. */
  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;

  /** Entered after its date ("Ievadīts vēlāk"). */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  /** 'waiting' once "Nosūtīt vecākiem" is ticked; the register has no mail to send it yet. */
  @Column({ type: 'text', name: 'send_status', nullable: true })
  sendStatus!: string | null;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;
}

/** The children of an entry, in the order the author chose them. */
@Entity('individual_work_child')
@Index('idx_individual_work_child', ['childId'])
export class IndividualWorkChild {
  @PrimaryColumn({ type: 'integer', name: 'entry_id' })
  entryId!: number;

  @PrimaryColumn({ type: 'integer', name: 'child_id' })
  childId!: number;

  @Column({ type: 'integer' })
  position!: number;
}

/** One individual talk with a child's parents. */
@Entity('parent_talk')
@Index('idx_parent_talk_date', ['date'])
@Index('idx_parent_talk_child', ['childId'])
export class ParentTalk {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'integer', name: 'child_id' })
  childId!: number;

  /** 'results' | 'rules' | 'behaviour' | 'other'. */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  content!: string;

  /** "Vienošanās": what was agreed. */
  @Column({ type: 'text' })
  agreed!: string;

  @Column({ type: 'integer', name: 'author_id' })
  authorId!: number;

  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;
}

/** The guardians who took part in a talk (linked to the child when it was recorded). */
@Entity('parent_talk_guardian')
export class ParentTalkGuardian {
  @PrimaryColumn({ type: 'integer', name: 'talk_id' })
  talkId!: number;

  @PrimaryColumn({ type: 'integer', name: 'guardian_id' })
  guardianId!: number;
}

/** Entities of the journals domain; each class is also listed in JOURNALS_ENTITIES. */
export const JOURNALS_ENTITIES: (new () => object)[] = [
  IndividualWorkEntry,
  IndividualWorkChild,
  ParentTalk,
  ParentTalkGuardian,
];
