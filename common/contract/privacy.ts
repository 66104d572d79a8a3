import { z } from 'zod';
import type { SessionInfo } from './auth';
import type { FileDownload } from './applications';
import { method, type Permissions } from './define';
import { id } from './people';

/**
 * Data protection (issue 16): a child's data on request, the retention of a left child's record
 * and its anonymising, the privacy notice's acknowledgement.
 */

/** Kept until the end of the fifth school year after the one in which the child left. */
export const DEFAULT_RETENTION_YEARS = 5;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 75;
export const RETENTION_PAGE_MAX = 200;
export const ANONYMISE_MAX = 500;

/** What every anonymised name becomes; the id keeps rows apart ("Anonimizēts #12"). */
export const ANONYMISED_NAME = 'Anonimizēts';
/** What replaces free text and contacts. */
export const ANONYMISED_TEXT = '[anonimizēts]';

export interface RetentionRow {
  childId: number;
  name: string;
  birthDate: string;
  /** The last group and the day the child left it. */
  lastGroup: string;
  leftOn: string;
  /** The last day the record had to be kept. */
  keepUntil: string;
}

export interface RetentionPage {
  years: number;
  total: number;
  rows: RetentionRow[];
}

/** What an anonymising replaced: counts only, as the audit records them. */
export interface AnonymiseResult {
  children: number;
  guardians: number;
  applications: number;
  talks: number;
  entries: number;
  attendanceReasons: number;
  diaryEntries: number;
  auditEvents: number;
  messages: number;
}

export interface ChildExport {
  pdf: FileDownload;
  json: FileDownload;
}

export const retentionYears = z
  .number({ invalid_type_error: 'v.required' })
  .int('privacy.retentionYears')
  .min(MIN_RETENTION_YEARS, 'privacy.retentionYears')
  .max(MAX_RETENTION_YEARS, 'privacy.retentionYears');

export const privacyContract = {
  /** Everything the register holds about one child, as a PDF for people and JSON for machines. */
  'privacy.childExport': method<ChildExport>()(z.object({ childId: id }).strict()),
  /** The retention setting and the left children whose record is past it (not yet anonymised). */
  'privacy.retention': method<RetentionPage>()(
    z
      .object({
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(RETENTION_PAGE_MAX).default(50),
      })
      .strict(),
  ),
  'privacy.setRetention': method<RetentionPage>()(z.object({ years: retentionYears }).strict()),
  /** Replaces names, codes, contacts and free text of children past retention; counts stay. */
  'privacy.anonymise': method<AnonymiseResult>()(
    z
      .object({
        childIds: z.array(id).min(1, 'privacy.noneChosen').max(ANONYMISE_MAX, 'privacy.tooMany'),
      })
      .strict(),
  ),
  /** She has read the privacy notice of this version (common/privacy-notice.ts). */
  'privacy.acknowledge': method<SessionInfo>()(
    z.object({ version: z.number().int().positive() }).strict(),
  ),
};

export const privacyPermissions: Permissions<typeof privacyContract> = {
  // Issue 16: a child's data on request is given by the head or the deputy.
  'privacy.childExport': ['head', 'deputy'],
  // Retention and anonymising: the head decides and confirms (the register's superuser, 6).
  'privacy.retention': ['head'],
  'privacy.setRetention': ['head'],
  'privacy.anonymise': ['head'],
  // Every user acknowledges the notice for herself.
  'privacy.acknowledge': 'session',
};
