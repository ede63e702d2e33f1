import { z } from 'zod';
import { isoDate } from './case-codes.ts';
import { uuid } from './common.ts';

/** At most this many sites in one report request (an organisation has a handful; this only bounds input). */
export const maxReportSites = 50;

/** `?siteId=a&siteId=b` arrives as an array, `?siteId=a` as a string: both mean a list of sites. */
const siteIdList = z
  .union([uuid, z.array(uuid).min(1).max(maxReportSites)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

const dateRangeIsOrdered = (range: { from?: string | undefined; to?: string | undefined }) =>
  !range.from || !range.to || range.from <= range.to;
const dateRangeProblem = { message: 'Enter a start date on or before the end date.', path: ['to'] };

/**
 * The caseload report: every site in the caller's scope, or the sites named. Only cases referred
 * between `from` and `to` (inclusive) are counted; leaving both out means all time.
 */
export const caseloadReportQuery = z
  .strictObject({
    siteId: siteIdList.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine(dateRangeIsOrdered, dateRangeProblem);
export type CaseloadReportQuery = z.input<typeof caseloadReportQuery>;

const count = z.number().int().min(0);
/** A share, in percent rounded to one decimal; null when there is nothing to share out (a total of 0). */
const percent = z.number().nullable();

const share = z.object({ count, percent });
const contactsPerCase = z.object({
  count: count.describe('Cases in the group, including those with no contacts'),
  mean: z.number().nullable().describe('Contacts made per case, to two decimals; null for an empty group'),
  min: count.nullable(),
  max: count.nullable(),
});
const daysOnBooks = z.object({
  count: count.describe('Discharged cases in the group (the only ones with a length on the books)'),
  mean: z.number().nullable().describe('Days from referral to discharge, to one decimal; null when none'),
});
const byEngagement = <T extends z.ZodType>(item: T) =>
  z.object({ engaged: item, declined: item, no_data: item });

/** One site's column of Table 1 of the Liaison and Diversion review (source 000 §3.1). */
export const caseloadReportSite = z.object({
  siteId: uuid,
  site: z.string(),
  from: isoDate
    .nullable()
    .describe('Start of the range used: the date asked for, else the site’s earliest referral; null if none'),
  to: isoDate
    .nullable()
    .describe('End of the range used: the date asked for, else the site’s latest referral; null if none'),
  cases: count,
  engagement: byEngagement(share).describe('Cases by engagement; percent of all cases'),
  contactTypes: z
    .object({ face_to_face: share, telephone: share, other: share })
    .describe('Contacts made, by type; percent of contactsTotal'),
  contactsTotal: count.describe('Contacts made with these cases, at any date'),
  attemptsTotal: count.describe('Attempted contacts with these cases (not counted anywhere else)'),
  contactsPerCase: byEngagement(contactsPerCase).extend({ overall: contactsPerCase }),
  daysOnBooks: byEngagement(daysOnBooks).extend({ overall: daysOnBooks }),
});
export type CaseloadReportSite = z.infer<typeof caseloadReportSite>;

export const caseloadReport = z.object({ sites: z.array(caseloadReportSite) });
export type CaseloadReport = z.infer<typeof caseloadReport>;

/** A month written yyyy-mm. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month as yyyy-mm');

/** The monthly NHS England peer support return for one site. */
export const mdsExportQuery = z.strictObject({ siteId: uuid, month: isoMonth });
export type MdsExportQuery = z.infer<typeof mdsExportQuery>;

/** The pseudonymised extract for evaluators: one site, cases referred in the range (all time by default). */
export const pseudonymisedExportQuery = z
  .strictObject({ siteId: uuid, from: isoDate.optional(), to: isoDate.optional() })
  .refine(dateRangeIsOrdered, dateRangeProblem);
export type PseudonymisedExportQuery = z.infer<typeof pseudonymisedExportQuery>;

/** The columns of the monthly return, in order. */
export const mdsColumns = [
  'local_case_id',
  'referral_source',
  'date_referred',
  'engaged',
  'contacts_face_to_face',
  'contacts_telephone',
  'contacts_other',
  'date_first_contact',
  'date_discharged',
] as const;

/** The columns of the pseudonymised extract, in order: no name, phone, local case id or full date of birth. */
export const pseudonymisedColumns = [
  'case_key',
  'site',
  'referral_source',
  'date_referred',
  'engagement',
  'status',
  'needs',
  'complexity',
  'gender',
  'birth_year',
  'date_discharged',
  'discharge_reason',
  'contacts_face_to_face',
  'contacts_telephone',
  'contacts_other',
  'days_on_books',
] as const;

export const csvResponse = z.string().describe('A CSV file (text/csv, UTF-8 with a byte order mark)');
