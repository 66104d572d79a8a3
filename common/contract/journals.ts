import { z } from 'zod';
import { isoDate, optionalText, text } from '../validation';
import { method, type Permissions } from './define';
import { pageShape, type ListOption, type Page } from './paging';

const id = z.number().int().positive();

/** rotaļnodarbība / individuālais darbs / individuālā nodarbība (the rules' 3.6). */
export const ENTRY_KINDS = ['play', 'individualWork', 'individualLesson'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What a talk with parents was about (the rules' 3.10). */
export const TALK_SUBJECTS = ['results', 'rules', 'behaviour', 'other'] as const;
export type TalkSubject = (typeof TALK_SUBJECTS)[number];

/** Maximum lengths, shown in the forms (maxlength and a counter) and enforced here. */
export const JOURNAL_LIMITS = {
  content: 2000,
  agreed: 1000,
  children: 30,
  guardians: 10,
  durationMin: 1,
  durationMax: 480,
} as const;

const distinct = (ids: number[]) => new Set(ids).size === ids.length;

/**
 * A page of a journal's rows in a period (both dates included, `to` not before `from`: the
 * screens ask for a month), filtered by group (the children's group on the row's day), child
 * and author.
 */
export const journalListSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    groupId: id.optional(),
    childId: id.optional(),
    authorId: id.optional(),
    ...pageShape,
  })
  .strict()
  .refine((r) => !(r.from && r.to) || r.to >= r.from, {
    path: ['to'],
    message: 'journals.endBeforeStart',
  });

/** One individual work entry; without `id` a new one. The form validates with it too. */
export const entrySchema = z
  .object({
    id: id.optional(),
    date: isoDate,
    childIds: z
      .array(id)
      .min(1, 'journals.childRequired')
      .max(JOURNAL_LIMITS.children, 'journals.tooManyChildren')
      .refine(distinct, 'journals.childTwice'),
    kind: z.enum(ENTRY_KINDS),
    content: text(JOURNAL_LIMITS.content),
    durationMinutes: z
      .number({ invalid_type_error: 'journals.duration' })
      .int('journals.duration')
      .min(JOURNAL_LIMITS.durationMin, 'journals.duration')
      .max(JOURNAL_LIMITS.durationMax, 'journals.duration')
      .nullable()
      .default(null),
    /** "Nosūtīt vecākiem": e-mailed to the children's parents through the outbox. */
    sendToParents: z.boolean().default(false),
  })
  .strict();
export type EntryInput = z.input<typeof entrySchema>;

/** One talk with a child's parents; without `id` a new one. */
export const talkSchema = z
  .object({
    id: id.optional(),
    date: isoDate,
    childId: id,
    guardianIds: z
      .array(id)
      .min(1, 'journals.guardianRequired')
      .max(JOURNAL_LIMITS.guardians)
      .refine(distinct, 'journals.guardianTwice'),
    subject: z.enum(TALK_SUBJECTS),
    content: text(JOURNAL_LIMITS.content),
    agreed: optionalText(JOURNAL_LIMITS.agreed),
  })
  .strict();
export type TalkInput = z.input<typeof talkSchema>;

/**
 * "Nosūtīt vecākiem": 'waiting' while the e-mails are queued, 'sent' once every one is, 'failed'
 * when one was refused or its outcome is unknown (the outbox tells why); null when not ticked.
 */
export type SendStatus = 'waiting' | 'sent' | 'failed' | null;

export interface SendState {
  status: Exclude<SendStatus, null>;
  /** When the last of its e-mails was sent. */
  at: string | null;
  error: string | null;
}

interface Authored {
  authorId: number;
  authorName: string;
  /** The absent teacher the author stood in for: shown as "X (aizvieto Y)". */
  onBehalfOfName: string | null;
  /** Entered after its date ("Ievadīts vēlāk"). */
  late: boolean;
  /** Only the author edits and deletes. */
  canEdit: boolean;
  createdAt: string;
}

export interface EntryRow extends Authored {
  id: number;
  date: string;
  kind: EntryKind;
  content: string;
  durationMinutes: number | null;
  children: { id: number; name: string }[];
  sendToParents: boolean;
  sendStatus: SendStatus;
  sentAt: string | null;
  sendError: string | null;
}

export interface TalkRow extends Authored {
  id: number;
  date: string;
  childId: number;
  childName: string;
  guardians: { id: number; name: string }[];
  subject: TalkSubject;
  content: string;
  agreed: string;
}

/** A child the user may write about on a date, with the guardians to choose for a talk. */
export interface WritableChild {
  id: number;
  name: string;
  groupId: number;
  groupName: string;
  /** Filled for teachers only: they record talks with parents. */
  guardians: { id: number; name: string; relation: string }[];
}

/** A page of a journal with the choices of its filters for the period. */
export interface JournalPage<T> extends Page<T> {
  /** Groups active in the period whose rows she reads. */
  groups: ListOption[];
  /** Who wrote the rows she reads in the period. */
  authors: ListOption[];
}

export const journalsContract = {
  /** Individual work entries of a period the user may read, newest first. */
  'journals.entries': method<JournalPage<EntryRow>>()(journalListSchema),
  /** "Gaida nosūtīšanu": entries ticked for parents and not sent yet, a page at a time. */
  'journals.waiting': method<Page<EntryRow>>()(z.object({ ...pageShape }).strict()),
  /** The children the user may write about on `date` (own groups; anyone for the speech therapist). */
  'journals.children': method<WritableChild[]>()(z.object({ date: isoDate }).strict()),
  'journals.saveEntry': method<EntryRow>()(entrySchema),
  'journals.deleteEntry': method<void>()(z.object({ id }).strict()),
  'journals.talks': method<JournalPage<TalkRow>>()(journalListSchema),
  'journals.saveTalk': method<TalkRow>()(talkSchema),
  'journals.deleteTalk': method<void>()(z.object({ id }).strict()),
};

const ENTRY_READ = ['head', 'deputy', 'teacher', 'speech'] as const;
const ENTRY_WRITE = ['teacher', 'speech'] as const;
/** Notes to parents are the group teachers' (the rules' 3.7); managers see what waits. */
const WAITING_READ = ['head', 'deputy', 'teacher'] as const;
const TALK_READ = ['head', 'deputy', 'teacher'] as const;
const TALK_WRITE = ['teacher'] as const;

export const journalsPermissions: Permissions<typeof journalsContract> = {
  'journals.entries': ENTRY_READ,
  'journals.waiting': WAITING_READ,
  'journals.children': ENTRY_WRITE,
  'journals.saveEntry': ENTRY_WRITE,
  'journals.deleteEntry': ENTRY_WRITE,
  'journals.talks': TALK_READ,
  'journals.saveTalk': TALK_WRITE,
  'journals.deleteTalk': TALK_WRITE,
};
