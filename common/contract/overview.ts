import { z } from 'zod';
import { toDayNumber } from '../dates';
import { OBLIGATIONS, type Obligation, type Outcome } from '../deadlines';
import { isoDate } from '../validation';
import { method, type Permissions } from './define';

/**
 * What is due, at a glance: each user's home list, the supervision report with its drill-down,
 * the charts, the year-end archive and the journals' prints.
 */

const id = z.number({ invalid_type_error: 'v.required' }).int().positive();

/** The longest period a report or a print covers: a school year (a leap one included). */
export const MAX_PERIOD_DAYS = 366;

const ordered = (p: { from?: string; to?: string }) => !(p.from && p.to) || p.to >= p.from;
const withinYear = (p: { from?: string; to?: string }) =>
  !(p.from && p.to) ||
  p.to < p.from ||
  toDayNumber(p.to) - toDayNumber(p.from) + 1 <= MAX_PERIOD_DAYS;

/**
 * A period, both days included, with more fields: it may not end before it starts, nor run over
 * a year (a report or a print covers a school year at most; a list never loads all history).
 */
function period<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ from: isoDate, to: isoDate, ...shape })
    .strict()
    .refine(ordered, { path: ['to'], message: 'overview.endBeforeStart' })
    .refine(withinYear, { path: ['to'], message: 'overview.periodTooLong' });
}

export const periodSchema = period({});
export type PeriodInput = z.input<typeof periodSchema>;

/** Where an item opens: the ids the renderer needs to build the screen's address. */
export interface ItemRef {
  date?: string;
  month?: string;
  topicId?: number;
  applicationId?: number;
  entryId?: number;
}

/** Beyond the obligations, the head's home shows failed automatic backups and unsent e-mail. */
export type HomeKind = Obligation | 'backup' | 'mail';

/** One line of a user's home list: something she has to do, soonest first. */
export interface HomeItem {
  kind: HomeKind;
  /** The deadline has passed. */
  overdue: boolean;
  due: string;
  /** "HH:MM" on the due date (attendance); null for the whole day. */
  dueTime: string | null;
  /** Minutes left to a deadline later today (the morning's attendance). */
  minutesLeft: number | null;
  groupId: number | null;
  groupName: string | null;
  /** What it is about: a topic's title, a parent's and child's names, a month. */
  subject: string | null;
  /** How many: overdue items summed up (head), groups to check (nurse), checks done (head). */
  count: number | null;
  /** A reason to show as it is (a failed backup's message, in the user's language). */
  detail: string | null;
  ref: ItemRef;
}

/** The home screen: her lines, and the school year they are judged in (the report's default). */
export interface Home {
  items: HomeItem[];
  schoolYear: { year: number; from: string; to: string };
}

/** One line of the supervision report: an obligation of a group (or of a person) counted. */
export interface ReportRow {
  obligation: Obligation;
  /** The group; null for the kindergarten's own obligations (nurse, deputy, head). */
  groupId: number | null;
  groupName: string | null;
  /** The author, for entries counted per person (individual work, the diary). */
  personId: number | null;
  /** Who answers for it: the group's teachers in the period, the author, the role's staff. */
  people: string;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}

export interface Report {
  from: string;
  to: string;
  rows: ReportRow[];
}

/** A late or missing item behind a count, with what opens it. */
export interface ReportItem {
  obligation: Obligation;
  outcome: Outcome;
  due: string;
  dueTime: string | null;
  /** When it was done (an instant or a date); null when it was not. */
  doneAt: string | null;
  groupId: number | null;
  groupName: string | null;
  subject: string;
  ref: ItemRef;
}

export const OUTCOMES = ['onTime', 'late', 'missing', 'pending'] as const;

export const reportItemsSchema = period({
  obligation: z.enum(OBLIGATIONS),
  groupId: id.nullable(),
  personId: id.nullable().default(null),
  outcome: z.enum(OUTCOMES),
});

/** A file made by the backend, downloaded by the renderer. */
export interface OverviewFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The charts of a school year, each with the table behind it. */
export interface Charts {
  schoolYear: number;
  from: string;
  to: string;
  months: string[];
  /** Attendance % per group per month (null: no child-days that month). */
  attendance: { groupId: number; groupName: string; percent: (number | null)[] }[];
  /** Absences by code per month, the whole kindergarten. */
  absences: { NS: number[]; NC: number[]; N: number[] };
  /** On-time share (0–100) of attendance confirmations and plans per group; null: none due. */
  onTime: { groupId: number; groupName: string; attendance: number | null; plans: number | null }[];
  /** Items done late or not done, by the month they were due. */
  overdue: { late: number[]; missing: number[] };
}

export const JOURNAL_PRINTS = ['individualWork', 'talks', 'diary', 'checks'] as const;
export type JournalPrint = (typeof JOURNAL_PRINTS)[number];

/* The year-end archive: made in the background; the renderer polls its state. */

/** One group's year, or (groupId null) every group of the period, one file each. */
export const archiveSchema = period({ groupId: id.nullable() });

export type ArchiveState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ArchiveStatus {
  jobId: number;
  state: ArchiveState;
  /** The part being made, in the user's language ("«Zīlītes»: apmeklējums, oktobris"). */
  part: string;
  done: number;
  total: number;
  /** The finished files, in order; each is downloaded by its index. */
  files: { index: number; fileName: string; bytes: number }[];
  /** Why it failed, in the user's language. */
  error: string | null;
}

const job = z.object({ jobId: id }).strict();

export const overviewContract = {
  /** The user's own due and overdue items, soonest first. */
  'overview.home': method<Home>()(z.object({}).strict()),
  /** Every obligation of the period counted per group and person (head, deputy). */
  'overview.report': method<Report>()(periodSchema),
  /** The items behind one count of the report. */
  'overview.reportItems': method<ReportItem[]>()(reportItemsSchema),
  'overview.reportExport': method<OverviewFile>()(period({ format: z.enum(['pdf', 'xlsx']) })),
  /** The charts of a school year (by its starting calendar year). */
  'overview.charts': method<Charts>()(
    z.object({ schoolYear: z.number().int().min(2000).max(2100) }).strict(),
  ),
  /** A journal printed for a period: what the user may read of it. */
  'overview.journalPrint': method<OverviewFile>()(period({ journal: z.enum(JOURNAL_PRINTS) })),
  /** The groups active in a period: the archive's choice. */
  'overview.groups': method<{ id: number; number: number | null; name: string }[]>()(periodSchema),
  /** Starts the year-end archive in the background; one job at a time per session. */
  'overview.archiveStart': method<ArchiveStatus>()(archiveSchema),
  'overview.archiveStatus': method<ArchiveStatus>()(job),
  /** Stops the job; nothing it made is kept. */
  'overview.archiveCancel': method<ArchiveStatus>()(job),
  'overview.archiveFile': method<OverviewFile>()(
    z.object({ jobId: id, index: z.number().int().min(0) }).strict(),
  ),
};

const MANAGERS = ['head', 'deputy'] as const;

export const overviewPermissions: Permissions<typeof overviewContract> = {
  'overview.home': ['head', 'deputy', 'teacher', 'speech', 'nurse'],
  'overview.report': MANAGERS,
  'overview.reportItems': MANAGERS,
  'overview.reportExport': MANAGERS,
  'overview.charts': MANAGERS,
  // Each journal as its read scope allows (common/access-scope.ts); the nurse keeps none of them.
  'overview.journalPrint': ['head', 'deputy', 'teacher', 'speech'],
  'overview.groups': MANAGERS,
  'overview.archiveStart': MANAGERS,
  'overview.archiveStatus': MANAGERS,
  'overview.archiveCancel': MANAGERS,
  'overview.archiveFile': MANAGERS,
};
