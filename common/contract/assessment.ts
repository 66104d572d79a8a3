import { z } from 'zod';
import { AREA_CODES, MARKS, type AreaCode, type Mark } from '../planning-reference';
import { yearNumber } from '../validation';
import { method, type Permissions } from './define';
import type { PlanningFile } from './planning';

/**
 * Assessment (the rules' 3.4): marks per child and learning area at the end of a topic of a
 * monthly plan, their history, the to-assess-later list and a child's progress over the year.
 */

const id = z.number().int().positive();

const markChange = z
  .object({
    childId: id,
    area: z.enum(AREA_CODES),
    mark: z.enum(MARKS).nullable(),
    reason: z.literal('excused').nullable().default(null),
  })
  .strict()
  .refine((c) => !(c.mark && c.reason), { path: ['reason'], message: 'planning.markAndReason' });

export const markSchema = z
  .object({ topicId: id, changes: z.array(markChange).min(1, 'v.required').max(1000) })
  .strict();

export interface SheetCell {
  childId: number;
  area: AreaCode;
  mark: Mark | null;
  reason: 'excused' | null;
  late: boolean;
}

export interface SheetData {
  topicId: number;
  title: string;
  startDate: string;
  endDate: string;
  planId: number;
  groupId: number;
  groupName: string;
  month: string;
  due: string;
  canWrite: boolean;
  areas: AreaCode[];
  children: { id: number; name: string }[];
  cells: SheetCell[];
  /** How many of each mark per area (the group summary of the topic). */
  summary: Record<string, Record<Mark, number>>;
}

export interface LaterRow {
  childId: number;
  childName: string;
  groupId: number;
  groupName: string;
  topicId: number;
  topicTitle: string;
  topicEnd: string;
  areas: AreaCode[];
}

export interface MarkHistoryRow {
  at: string;
  byName: string;
  childName: string;
  area: AreaCode;
  before: string;
  after: string;
  late: boolean;
}

export interface ProgressData {
  childId: number;
  childName: string;
  schoolYear: number;
  areas: AreaCode[];
  rows: {
    topicId: number;
    title: string;
    groupName: string;
    startDate: string;
    endDate: string;
    marks: Partial<Record<AreaCode, Mark | 'excused'>>;
  }[];
}

const progressSchema = z.object({ childId: id, schoolYear: yearNumber.optional() }).strict();

export const assessmentContract = {
  'assessment.sheet': method<SheetData>()(z.object({ topicId: id }).strict()),
  /** A batch of marks (or cleared cells, or "attaisnots kavējums"), all or nothing. */
  'assessment.mark': method<SheetData>()(markSchema),
  'assessment.history': method<MarkHistoryRow[]>()(z.object({ topicId: id }).strict()),
  /** "Jānovērtē vēlāk": children left unmarked for a justified absence. */
  'assessment.later': method<LaterRow[]>()(z.object({ groupId: id.optional() }).strict()),
  'assessment.progress': method<ProgressData>()(progressSchema),
  'assessment.progressPdf': method<PlanningFile>()(progressSchema),
};

const READ = ['head', 'deputy', 'teacher', 'speech'] as const;
const WRITE = ['teacher'] as const;

export const assessmentPermissions: Permissions<typeof assessmentContract> = {
  'assessment.sheet': READ,
  'assessment.mark': WRITE,
  'assessment.history': READ,
  'assessment.later': READ,
  'assessment.progress': READ,
  'assessment.progressPdf': READ,
};
