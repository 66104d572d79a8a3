import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of the deputy head's diary (the rules' 3.8): written on the day, or flagged late. */
@Entity('diary_entry')
@Index('idx_diary_entry_date', ['date'])
export class DiaryEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  date!: string;

  /** 'meeting' | 'activity' | 'consultation' | 'observation' | 'other'. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  participants!: string;

  @Column({ type: 'text' })
  content!: string;

  /** The entry's day was already over when it was written (or moved to). */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'integer', name: 'author_id' })
  authorId!: number;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;
}

/** A record of checking a group's journal at a topic's start (3.9) or by the head (3.12). */
@Entity('journal_check')
@Index('idx_journal_check_topic', ['topicId'])
@Index('idx_journal_check_group', ['groupId'])
// The checks of a school year, newest first.
@Index('idx_journal_check_date', ['date'])
export class JournalCheck {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  date!: string;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  /** Null once the plan's topic is deleted; the title and start stay below. */
  @Column({ type: 'integer', name: 'topic_id', nullable: true })
  topicId!: number | null;

  @Column({ type: 'text', name: 'topic_title' })
  topicTitle!: string;

  @Column({ type: 'text', name: 'topic_start' })
  topicStart!: string;

  /** "Konstatētais". */
  @Column({ type: 'text' })
  findings!: string;

  /** "Ieteikumi". */
  @Column({ type: 'text' })
  recommendations!: string;

  @Column({ type: 'text', name: 'correction_date', nullable: true })
  correctionDate!: string | null;

  @Column({ type: 'integer', name: 'author_id' })
  authorId!: number;

  /** The author's role when she wrote it: the head's checks are counted apart (3.12). */
  @Column({ type: 'text', name: 'author_role' })
  authorRole!: string;

  @Column({ type: 'text', name: 'created_at' })
  createdAt!: string;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;
}

/** Entities of the supervision domain; each class is also listed in SUPERVISION_ENTITIES. */
export const SUPERVISION_ENTITIES: (new () => object)[] = [DiaryEntry, JournalCheck];
