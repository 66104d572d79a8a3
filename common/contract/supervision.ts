import { z } from 'zod';
import { isoDate, isoMonth, optionalIsoDate, optionalText, text } from '../validation';
import { method, type Permissions } from './define';

const id = z.number({ invalid_type_error: 'v.required' }).int().positive();
const monthSchema = isoMonth;
const optionalDate = optionalIsoDate;

/** What the deputy's diary records (the rules' 3.8), in the order the staff name them. */
export const DIARY_KINDS = ['meeting', 'activity', 'consultation', 'observation', 'other'] as const;
export type DiaryKind = (typeof DIARY_KINDS)[number];

/** Maximum lengths, shown in the forms (maxlength and a counter) and enforced here. */
export const SUPERVISION_LIMITS = {
  participants: 500,
  content: 4000,
  findings: 4000,
  recommendations: 4000,
} as const;

/** The head records a journal check twice a school year (the rules' 3.12). */
export const HEAD_CHECKS_REQUIRED = 2;

export const diaryEntrySchema = z
  .object({
    id: id.optional(),
    date: isoDate,
    kind: z.enum(DIARY_KINDS),
    participants: optionalText(SUPERVISION_LIMITS.participants),
    content: text(SUPERVISION_LIMITS.content),
  })
  .strict();
export type DiaryEntryInput = z.input<typeof diaryEntrySchema>;

export const journalCheckSchema = z
  .object({
    id: id.optional(),
    date: isoDate,
    groupId: id,
    topicId: id,
    findings: text(SUPERVISION_LIMITS.findings),
    recommendations: optionalText(SUPERVISION_LIMITS.recommendations),
    /** By when the teachers are to correct what was found; optional. */
    correctionDate: optionalDate,
  })
  .strict()
  .refine((c) => !c.correctionDate || !c.date || c.correctionDate >= c.date, {
    path: ['correctionDate'],
    message: 'supervision.correctionBeforeCheck',
  });
export type JournalCheckInput = z.input<typeof journalCheckSchema>;

export interface DiaryRow {
  id: number;
  date: string;
  kind: DiaryKind;
  participants: string;
  content: string;
  /** Written after the day it belongs to. */
  late: boolean;
  authorId: number;
  authorName: string;
  createdAt: string;
  canEdit: boolean;
}

export interface CheckRow {
  id: number;
  date: string;
  groupId: number;
  groupName: string;
  topicId: number | null;
  topicTitle: string;
  topicStart: string;
  findings: string;
  recommendations: string;
  correctionDate: string | null;
  authorId: number;
  authorName: string;
  authorRole: 'head' | 'deputy';
  canEdit: boolean;
}

/** A topic that has started this school year and has no check yet ("Temati bez pārbaudes"). */
export interface UncheckedTopic {
  topicId: number;
  topicTitle: string;
  startDate: string;
  endDate: string;
  groupId: number;
  groupName: string;
}

/** The head's checks in the current school year against the two the rules ask for. */
export interface HeadCount {
  schoolYear: number;
  from: string;
  to: string;
  count: number;
  required: number;
}

/** Groups of the current school year with their topics: the check form's choices. */
export interface CheckOption {
  groupId: number;
  groupName: string;
  topics: { id: number; title: string; startDate: string; endDate: string }[];
}

export const supervisionContract = {
  /** The diary of one month ('YYYY-MM'; the current month when left out). */
  'supervision.diary': method<DiaryRow[]>()(z.object({ month: monthSchema.optional() }).strict()),
  /** Adds (no id) or edits (id) the author's own entry; a past day is flagged late. */
  'supervision.diarySave': method<DiaryRow>()(diaryEntrySchema),
  'supervision.diaryDelete': method<void>()(z.object({ id }).strict()),
  /** Journal checks the user may read, newest first; a teacher's own groups only. */
  'supervision.checks': method<CheckRow[]>()(z.object({ groupId: id.optional() }).strict()),
  'supervision.checkSave': method<CheckRow>()(journalCheckSchema),
  'supervision.checkDelete': method<void>()(z.object({ id }).strict()),
  /** Topics started this school year without a check (the deputy's duty, 3.9). */
  'supervision.unchecked': method<UncheckedTopic[]>()(z.object({}).strict()),
  /** The head's count of her checks this school year (3.12). */
  'supervision.headCount': method<HeadCount>()(z.object({}).strict()),
  'supervision.options': method<CheckOption[]>()(z.object({}).strict()),
};

const MANAGERS = ['head', 'deputy'] as const;

export const supervisionPermissions: Permissions<typeof supervisionContract> = {
  'supervision.diary': MANAGERS,
  'supervision.diarySave': ['deputy'],
  'supervision.diaryDelete': ['deputy'],
  'supervision.checks': ['head', 'deputy', 'teacher'],
  'supervision.checkSave': MANAGERS,
  'supervision.checkDelete': MANAGERS,
  'supervision.unchecked': MANAGERS,
  'supervision.headCount': MANAGERS,
  'supervision.options': MANAGERS,
};
