import { z } from 'zod';
import { isoDate, nameText, text } from '../validation';
import { method, type Permissions } from './define';
import { pageShape, schoolYearSchema, type YearPage } from './paging';
import { emailForConsent, GUARDIAN_RELATIONS, id, optionalEmail, phoneSchema } from './people';

/**
 * Parent applications (the rules' 2.3: "Pielikums Nr.1") and the import of children from a
 * file: the two ways people enter the register in bulk or on paper.
 */

export const APPLICATION_STATUSES = ['received', 'connected', 'refused'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The deputy has a week to connect a parent (the rules' 2.3). */
export const APPLICATION_DUE_DAYS = 7;

/* ---------- parent applications ---------- */

export interface ApplicationSummary {
  id: number;
  receivedOn: string;
  /** receivedOn + 7 days. */
  dueOn: string;
  /** Still received after the due date. */
  overdue: boolean;
  parentName: string;
  parentPhone: string;
  parentEmail: string | null;
  /** The form's consent to receive the register's e-mail; the connected guardian gets it. */
  agreesEmail: boolean;
  childId: number | null;
  childName: string;
  groupId: number | null;
  groupLabel: string | null;
  status: ApplicationStatus;
  connectedOn: string | null;
  refusalReason: string | null;
  guardianId: number | null;
}

export const createApplicationSchema = z
  .object({
    receivedOn: isoDate,
    parentName: nameText(120),
    parentPhone: phoneSchema,
    email: optionalEmail,
    agreesEmail: z.boolean().default(false),
    childId: id,
    /** The child's current group by default. */
    groupId: id.nullable().optional(),
  })
  .strict()
  .superRefine(emailForConsent);

export const connectApplicationSchema = z
  .object({
    id,
    connectedOn: isoDate,
    /** An existing guardian; without it one is made from the application's name and phone. */
    guardianId: id.nullable().optional(),
    relation: z.enum(GUARDIAN_RELATIONS),
  })
  .strict();

export const refuseApplicationSchema = z.object({ id, reason: text(300) }).strict();

export interface FileDownload {
  fileName: string;
  mimeType: string;
  base64: string;
}

/* ---------- import ---------- */

export interface ImportRow {
  /** The line in the file (the header is line 1). */
  line: number;
  ok: boolean;
  /** Every reason the row is refused, in the user's language. */
  reasons: string[];
  firstName: string;
  lastName: string;
  personalCode: string;
  group: string;
  guardian: string;
}

export interface ImportPreview {
  rows: ImportRow[];
  total: number;
  valid: number;
  invalid: number;
}

/** 16 MB of base64 is what the loopback transport carries; 12 MB of file. */
export const IMPORT_MAX_BYTES = 12 * 1024 * 1024;

export const importFileSchema = z
  .object({
    fileName: text(200),
    base64: z
      .string()
      .min(1, 'people.import.empty')
      .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4, 'people.import.tooLarge'),
    /** Enrolment date for rows without one; today by default. */
    fromDate: isoDate.optional(),
  })
  .strict();

const ALL = ['head', 'deputy', 'teacher', 'speech', 'nurse'] as const;
const MANAGERS = ['head', 'deputy'] as const;
const DEPUTY = ['deputy'] as const;

export const applicationsContract = {
  /**
   * Open applications first, the most urgent on top, whatever the year (they are the deputy's
   * to-do); then the closed ones received in the school year (the current one by default),
   * newest first; a page at a time.
   */
  'applications.list': method<YearPage<ApplicationSummary>>()(
    z
      .object({
        status: z.enum(APPLICATION_STATUSES).optional(),
        schoolYear: schoolYearSchema.optional(),
        ...pageShape,
      })
      .strict(),
  ),
  'applications.create': method<ApplicationSummary>()(createApplicationSchema),
  /** Links the guardian to the child and marks the application connected. */
  'applications.connect': method<ApplicationSummary>()(connectApplicationSchema),
  'applications.refuse': method<ApplicationSummary>()(refuseApplicationSchema),
  /** "Pielikums Nr.1" as a PDF: blank without an id, prefilled with one. */
  'applications.pdf': method<FileDownload>()(z.object({ id: id.optional() }).strict()),

  /** Reads a CSV/XLSX file and says, row by row, what would be imported; writes nothing. */
  'import.preview': method<ImportPreview>()(importFileSchema),
  /** Validates the file again and writes every valid row in one transaction. */
  'import.confirm': method<{ imported: number; skipped: number }>()(importFileSchema),
};

/** The deputy connects parents and imports children (2.2, 2.3); everyone reads applications. */
export const applicationsPermissions: Permissions<typeof applicationsContract> = {
  'applications.list': ALL,
  'applications.create': DEPUTY,
  'applications.connect': DEPUTY,
  'applications.refuse': DEPUTY,
  'applications.pdf': MANAGERS,
  'import.preview': DEPUTY,
  'import.confirm': DEPUTY,
};
