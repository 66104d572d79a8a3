import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A group's plan for one month ('YYYY-MM'). The working copy is its topics; versions are kept. */
@Entity('plan')
@Unique('uq_plan_group_month', ['groupId', 'month'])
// A month's or a school year's plans of every group: the overview and the plan list.
@Index('idx_plan_month', ['month', 'groupId'])
export class Plan {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'group_id' })
  groupId!: number;

  @Column({ type: 'text' })
  month!: string;

  /** The first submission ("Iesniegt"); later ones are versions. */
  @Column({ type: 'text', name: 'submitted_at', nullable: true })
  submittedAt!: string | null;

  @Column({ type: 'integer', name: 'submitted_by', nullable: true })
  submittedBy!: number | null;

  /** The first submission came after the last working day of the previous month. */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  /** Saved changes not yet in a version. */
  @Column({ type: 'boolean', name: 'pending_changes', default: true })
  pendingChanges!: boolean;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;

  @Column({ type: 'integer', name: 'updated_by' })
  updatedBy!: number;
}

/** One topic of a plan with every field of the rules' 3.1; lists and parts are JSON. */
@Entity('topic')
@Index('idx_topic_plan', ['planId'])
export class Topic {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'plan_id' })
  planId!: number;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', name: 'start_date' })
  startDate!: string;

  @Column({ type: 'text', name: 'end_date' })
  endDate!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text' })
  content!: string;

  /** JSON array of the chosen values and virtues (their Latvian words). */
  @Column({ type: 'text' })
  values!: string;

  @Column({ type: 'text', name: 'values_text' })
  valuesText!: string;

  /** JSON array of transversal skill codes. */
  @Column({ type: 'text' })
  skills!: string;

  /** JSON object: the parts of "papildus informācija". */
  @Column({ type: 'text' })
  extra!: string;

  /** One more at every save: a save from an older version is refused, not laid over it. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** The results to reach in one learning area (sasniedzamie rezultāti); a column of the sheet. */
@Entity('topic_area')
@Unique('uq_topic_area', ['topicId', 'area'])
export class TopicArea {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'topic_id' })
  topicId!: number;

  @Column({ type: 'text' })
  area!: string;

  @Column({ type: 'text' })
  results!: string;
}

/** A submitted state of a plan: who, when, and the whole plan as JSON. */
@Entity('plan_version')
@Unique('uq_plan_version', ['planId', 'number'])
export class PlanVersion {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'plan_id' })
  planId!: number;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  at!: string;

  @Column({ type: 'integer', name: 'user_id' })
  userId!: number;

  /** The absent teacher a substitute stood in for (the rules' 3.11). */
  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'text' })
  snapshot!: string;
}

/** A child's mark in one area of one topic, or an empty cell with the reason "excused". */
@Entity('assessment')
@Unique('uq_assessment', ['topicId', 'childId', 'area'])
@Index('idx_assessment_child', ['childId'])
// "Jānovērtē vēlāk" reads only the excused empty cells: ~3 % of the cells, ~700 a year.
@Index('idx_assessment_excused', ['topicId', 'childId'], {
  where: "reason = 'excused' AND mark IS NULL",
})
export class Assessment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'topic_id' })
  topicId!: number;

  @Column({ type: 'integer', name: 'child_id' })
  childId!: number;

  @Column({ type: 'text' })
  area!: string;

  @Column({ type: 'text', nullable: true })
  mark!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Given after the assessment due date. */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'text', name: 'updated_at' })
  updatedAt!: string;

  @Column({ type: 'integer', name: 'updated_by' })
  updatedBy!: number;

  /** The absent teacher a substitute stood in for at the last change (the rules' 3.11). */
  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;
}

/**
 * The changes of a cell that are no longer its value: before and after ("S", "excused" or ""),
 * who and when. The change that made the cell what it is now is the `assessment` row itself
 * (its value, updated_at/by, on_behalf_of, late), so it is not stored twice; a cleared cell has
 * no row, so its clearing is kept here (assessment/changes.ts joins the two).
 */
@Entity('assessment_history')
@Index('idx_assessment_history_cell', ['topicId', 'childId', 'area'])
export class AssessmentHistory {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer', name: 'topic_id' })
  topicId!: number;

  @Column({ type: 'integer', name: 'child_id' })
  childId!: number;

  @Column({ type: 'text' })
  area!: string;

  @Column({ type: 'text' })
  before!: string;

  @Column({ type: 'text' })
  after!: string;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'text' })
  at!: string;

  @Column({ type: 'integer', name: 'user_id' })
  userId!: number;

  /** The absent teacher a substitute stood in for (the rules' 3.11). */
  @Column({ type: 'integer', name: 'on_behalf_of', nullable: true })
  onBehalfOf!: number | null;
}

/** Entities of the planning domain; each class is also listed in PLANNING_ENTITIES. */
export const PLANNING_ENTITIES: (new () => object)[] = [
  Plan,
  Topic,
  TopicArea,
  PlanVersion,
  Assessment,
  AssessmentHistory,
];
