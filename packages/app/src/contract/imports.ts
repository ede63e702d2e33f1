import { z } from 'zod';
import { idParams, isoDateTime, uuid } from './common.ts';

/**
 * Importing the NHS England Liaison and Diversion peer support monthly data set (MDS): two CSV files
 * sent as multipart/form-data (fields `referrals` and `contacts`), checked in full before anything is
 * written, then written in one transaction. The upload answers at once with the import's id; its
 * progress is read by polling.
 */

export const mdsFiles = ['referrals', 'contacts'] as const;
export const mdsFile = z.enum(mdsFiles);
export type MdsFile = z.infer<typeof mdsFile>;

/** Both files' columns, in the order the data set lists them. */
export const referralColumns = [
  'local_case_id',
  'site',
  'referral_source',
  'date_referred',
  'engagement',
  'date_first_contact',
  'date_discharged',
] as const;
export const contactColumns = ['local_case_id', 'contact_date', 'contact_type'] as const;

/** One bad row (or cell): the physical line in the file (the header is line 1) and what to change. */
export const importProblem = z.object({
  file: mdsFile,
  line: z.number().int().min(1),
  field: z.string().optional().describe('The column at fault, when one is'),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

const count = z.number().int().min(0);
export const mdsImportCounts = z.object({
  referrals: z.object({ created: count, updated: count, unchanged: count, skippedOtherSite: count }),
  contacts: z.object({
    created: count,
    unchanged: count,
    skippedOtherSite: count.describe('Contacts of cases the referrals file places at another site'),
  }),
});
export type MdsImportCounts = z.infer<typeof mdsImportCounts>;

export const importPhases = ['validating', 'writing', 'done', 'failed'] as const;
export const importPhase = z.enum(importPhases);
export type ImportPhase = z.infer<typeof importPhase>;

/** At most this many problems are kept and shown; `errorCount` says how many there were. */
export const importProblemsShown = 500;

export const importProgress = z.object({
  id: uuid,
  siteId: uuid,
  phase: importPhase,
  /** Data rows read so far, both files together. */
  rowsRead: count,
  /** Data rows in both files (known once the upload has arrived). */
  rowsTotal: count.optional(),
  rowsWritten: count,
  rowsToWrite: count.optional(),
  errors: z.array(importProblem).max(importProblemsShown).optional(),
  errorCount: count.optional(),
  counts: mdsImportCounts.optional(),
  /** Set when the import stopped for a reason other than bad rows (nothing was written). */
  message: z.string().optional(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const importStarted = z.object({ id: uuid });
export const importParams = idParams('importId');
export const siteImportParams = idParams('siteId');

/** Each file may be up to this size; the two travel in one request. */
export const maxImportFileBytes = 100 * 1024 * 1024;
