import { z } from 'zod';
import {
  AREA_CODES,
  SKILL_CODES,
  VALUE_WORDS,
  type AreaCode,
  type SkillCode,
} from '../planning-reference';
import { isoDate, isoMonth, optionalText, text } from '../validation';
import { method, type Permissions } from './define';
import { pageShape, schoolYearSchema, type Page, type YearPage } from './paging';

const id = z.number().int().positive();

/** The parts of "papildus informācija" in the order of the rules' 3.1. */
export const EXTRA_PARTS = [
  'excursions',
  'walks',
  'safety',
  'parents',
  'events',
  'areaProcess',
  'talkingWall',
  'other',
] as const;
export type ExtraPart = (typeof EXTRA_PARTS)[number];

/** Maximum lengths, shown in the form (maxlength and a counter) and enforced here. */
export const PLAN_LIMITS = {
  title: 200,
  message: 1000,
  content: 4000,
  valuesText: 1000,
  results: 2000,
  extra: 2000,
} as const;

export const monthSchema = isoMonth;

const resultsShape = Object.fromEntries(
  AREA_CODES.map((code) => [code, optionalText(PLAN_LIMITS.results)]),
) as Record<AreaCode, ReturnType<typeof optionalText>>;
const extraShape = Object.fromEntries(
  EXTRA_PARTS.map((part) => [part, optionalText(PLAN_LIMITS.extra)]),
) as Record<ExtraPart, ReturnType<typeof optionalText>>;

/** One topic of a monthly plan: every field of the rules' 3.1. The form validates with it too. */
export const topicSchema = z
  .object({
    id: id.optional(),
    /** The version the form loaded; with an id, a save from an older one is refused. */
    version: z.number().int().positive().optional(),
    title: text(PLAN_LIMITS.title),
    startDate: isoDate,
    endDate: isoDate,
    message: optionalText(PLAN_LIMITS.message),
    content: optionalText(PLAN_LIMITS.content),
    values: z
      .array(z.string().refine((v) => VALUE_WORDS.includes(v), 'v.oneOf'))
      .max(VALUE_WORDS.length)
      .default([]),
    valuesText: optionalText(PLAN_LIMITS.valuesText),
    skills: z.array(z.enum(SKILL_CODES)).max(SKILL_CODES.length).default([]),
    results: z.object(resultsShape).strict(),
    extra: z.object(extraShape).strict(),
  })
  .strict()
  .refine((t) => !(t.startDate && t.endDate) || t.endDate >= t.startDate, {
    path: ['endDate'],
    message: 'planning.endBeforeStart',
  })
  .refine((t) => t.id === undefined || t.version !== undefined, {
    path: ['version'],
    message: 'v.required',
  });

export type TopicInput = z.input<typeof topicSchema>;

export const saveTopicSchema = z
  .object({ groupId: id, month: monthSchema, topic: topicSchema })
  .strict();

export const copySchema = z
  .object({ fromPlanId: id, topicId: id.optional(), groupId: id, month: monthSchema })
  .strict();

export type PlanStatus = 'none' | 'draft' | 'submitted';

export interface TopicData {
  id: number;
  /** Sent back with the next save of the topic. */
  version: number;
  title: string;
  startDate: string;
  endDate: string;
  message: string;
  content: string;
  values: string[];
  valuesText: string;
  skills: SkillCode[];
  results: Record<AreaCode, string>;
  extra: Record<ExtraPart, string>;
  /** The areas with results planned: the columns of the assessment sheet. */
  areas: AreaCode[];
  /** Topic end + the institution's assessment days. */
  assessmentDue: string;
}

export interface PlanDetail {
  id: number | null;
  groupId: number;
  groupName: string;
  month: string;
  /** The last working day of the previous month. */
  dueDate: string;
  status: PlanStatus;
  submittedAt: string | null;
  submittedBy: string | null;
  late: boolean;
  /** Not submitted and past its due date, whether started or not. */
  overdue: boolean;
  /** Saved changes not yet in a version (an amendment in progress). */
  pendingChanges: boolean;
  versionCount: number;
  canWrite: boolean;
  /** The group's school year, which every topic must stay within. */
  activeFrom: string;
  activeTo: string;
  topics: TopicData[];
}

export interface PlanOverviewRow {
  groupId: number;
  groupName: string;
  month: string;
  dueDate: string;
  planId: number | null;
  status: PlanStatus;
  submittedAt: string | null;
  late: boolean;
  /** Not submitted and past its due date: a plan never started is overdue too. */
  overdue: boolean;
  topicCount: number;
  canWrite: boolean;
}

export interface PlanListRow {
  id: number;
  groupId: number;
  groupName: string;
  month: string;
  topics: { id: number; title: string }[];
}

/** One readable change between two versions; the UI words it in the user's language. */
export type PlanChange =
  | { kind: 'topicAdded'; topic: string }
  | { kind: 'topicRemoved'; topic: string }
  | { kind: 'fieldChanged'; topic: string; field: string; before: string; after: string };

export interface PlanVersionRow {
  number: number;
  at: string;
  byName: string;
  late: boolean;
  changes: PlanChange[];
}

/** A PDF of a plan or of a child's progress (the assessment domain's too). */
export interface PlanningFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export const planningContract = {
  /** Every group the user may see, with the state of its plan for the month; a page of them. */
  'planning.overview': method<Page<PlanOverviewRow>>()(
    z.object({ month: monthSchema, groupId: id.optional(), ...pageShape }).strict(),
  ),
  /** Plans of a school year (the current one by default) to copy from: her visible groups'. */
  'planning.list': method<YearPage<PlanListRow>>()(
    z
      .object({ schoolYear: schoolYearSchema.optional(), groupId: id.optional(), ...pageShape })
      .strict(),
  ),
  'planning.plan': method<PlanDetail>()(z.object({ groupId: id, month: monthSchema }).strict()),
  /** Saves one topic (the draft, as the teacher types); creates the plan on the first save. */
  'planning.saveTopic': method<PlanDetail>()(saveTopicSchema),
  'planning.deleteTopic': method<PlanDetail>()(z.object({ topicId: id }).strict()),
  /** "Iesniegt": records a version; the first one is checked against the deadline. */
  'planning.submit': method<PlanDetail>()(z.object({ planId: id }).strict()),
  'planning.versions': method<PlanVersionRow[]>()(z.object({ planId: id }).strict()),
  /** Copies a whole plan, or one topic, into a group's month as a starting point. */
  'planning.copy': method<PlanDetail>()(copySchema),
  'planning.planPdf': method<PlanningFile>()(z.object({ planId: id }).strict()),
};

const READ = ['head', 'deputy', 'teacher', 'speech'] as const;
const WRITE = ['teacher'] as const;

export const planningPermissions: Permissions<typeof planningContract> = {
  'planning.overview': READ,
  'planning.list': READ,
  'planning.plan': READ,
  'planning.saveTopic': WRITE,
  'planning.deleteTopic': WRITE,
  'planning.submit': WRITE,
  'planning.versions': READ,
  'planning.copy': WRITE,
  'planning.planPdf': READ,
};
