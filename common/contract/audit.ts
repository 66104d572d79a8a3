import { z } from 'zod';
import { AUDIT_ACTION_LIST, AUDIT_DOMAIN_LIST, type AuditAction } from '../audit-actions';
import { isoDate } from '../validation';
import type { FileDownload } from './applications';
import { method, type Permissions } from './define';
import { id } from './people';

/** The audit viewer (issue 16): read and export only; no method edits or deletes an event. */

export const AUDIT_PAGE_MAX = 200;
/** An export holds at most this many events; a narrower period gets the rest. */
export const AUDIT_EXPORT_MAX = 50_000;

const filterShape = {
  /** Riga dates, both included. */
  from: isoDate,
  to: isoDate,
  /** Who acted, or on whose behalf a substitute acted. */
  userId: id.optional(),
  childId: id.optional(),
  groupId: id.optional(),
  domain: z.enum(AUDIT_DOMAIN_LIST as [string, ...string[]]).optional(),
  action: z.enum(AUDIT_ACTION_LIST as [string, ...string[]]).optional(),
};

/**
 * An absurd period is refused with its reason, on the field it concerns: a day outside the
 * register's years by the shared date type (isoDate), an end before the start here.
 */
function checkPeriod(v: { from: string; to: string }, issues: z.RefinementCtx): void {
  if (v.to < v.from) {
    issues.addIssue({ code: 'custom', path: ['to'], message: 'audit.periodOrder' });
  }
}

export const auditFilterSchema = z.object(filterShape).strict().superRefine(checkPeriod);

export const auditListSchema = z
  .object({
    ...filterShape,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  })
  .strict()
  .superRefine(checkPeriod);

export type AuditFilter = z.input<typeof auditFilterSchema>;

/** One changed field as the viewer shows it: "field: before → after", already in words. */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

export interface AuditRow {
  id: number;
  at: string;
  action: AuditAction;
  actorName: string;
  /** The absent teacher a substitute acted for. */
  onBehalfOfName: string | null;
  /** What the event is about: the children's names, the group, or the record. */
  subject: string;
  changes: AuditChange[];
}

export interface AuditPage {
  total: number;
  rows: AuditRow[];
}

export interface AuditOptions {
  users: { id: number; name: string }[];
  groups: { id: number; label: string }[];
}

export const auditContract = {
  'audit.list': method<AuditPage>()(auditListSchema),
  /** The filtered events as an XLSX for an inspector; the export itself is an event. */
  'audit.export': method<FileDownload>()(auditFilterSchema),
  /** Who and which groups the filters offer (every account and group, also past ones). */
  'audit.options': method<AuditOptions>()(z.object({}).strict()),
};

// ARCHITECTURE's roles table: the audit log is the head's.
export const auditPermissions: Permissions<typeof auditContract> = {
  'audit.list': ['head'],
  'audit.export': ['head'],
  'audit.options': ['head'],
};
