import { type Engagement, engagements } from '../../../contract/case-codes.ts';
import type { CaseloadReportSite } from '../../../contract/reports.ts';

/**
 * Sums and counts for the cases of one site and one engagement group, as the report query returns
 * them. Everything is a whole number, so the rounding below works on exact values.
 */
export type CaseloadGroupRow = {
  siteId: string;
  engagement: string;
  cases: number;
  faceToFace: number;
  telephone: number;
  other: number;
  attempts: number;
  /** Contacts made, summed over the group's cases. */
  contactsMade: number;
  /** Fewest and most contacts made by one case of the group (a case with none counts as 0). */
  minContacts: number;
  maxContacts: number;
  discharged: number;
  /** Sum over discharged cases of discharged_on − referred_on, in days. */
  daysOnBooks: number;
  firstReferredOn: string;
  lastReferredOn: string;
};

export type ReportSite = { id: string; name: string };
export type ReportRange = { from?: string | undefined; to?: string | undefined };

/** count/total as a percent to one decimal, or null when the total is 0. Half-way values round up. */
export function percentOf(count: number, total: number): number | null {
  return total === 0 ? null : Math.round((count * 1000) / total) / 10;
}

/** sum/count to `decimals` places, or null when the count is 0. Half-way values round up. */
export function meanOf(sum: number, count: number, decimals: number): number | null {
  const scale = 10 ** decimals;
  return count === 0 ? null : Math.round((sum * scale) / count) / scale;
}

type Totals = Omit<CaseloadGroupRow, 'siteId' | 'engagement' | 'firstReferredOn' | 'lastReferredOn'>;
const noCases: Totals = {
  cases: 0,
  faceToFace: 0,
  telephone: 0,
  other: 0,
  attempts: 0,
  contactsMade: 0,
  minContacts: 0,
  maxContacts: 0,
  discharged: 0,
  daysOnBooks: 0,
};

function combine(rows: Totals[]): Totals {
  const withCases = rows.filter((r) => r.cases > 0);
  if (withCases.length === 0) return noCases;
  const sum = (key: keyof Totals) => withCases.reduce((total, r) => total + r[key], 0);
  return {
    cases: sum('cases'),
    faceToFace: sum('faceToFace'),
    telephone: sum('telephone'),
    other: sum('other'),
    attempts: sum('attempts'),
    contactsMade: sum('contactsMade'),
    minContacts: Math.min(...withCases.map((r) => r.minContacts)),
    maxContacts: Math.max(...withCases.map((r) => r.maxContacts)),
    discharged: sum('discharged'),
    daysOnBooks: sum('daysOnBooks'),
  };
}

const perCase = (t: Totals) => ({
  count: t.cases,
  mean: meanOf(t.contactsMade, t.cases, 2),
  min: t.cases === 0 ? null : t.minContacts,
  max: t.cases === 0 ? null : t.maxContacts,
});
const onBooks = (t: Totals) => ({ count: t.discharged, mean: meanOf(t.daysOnBooks, t.discharged, 1) });

/**
 * One site's figures from its engagement groups. Groups with no rows are empty (count 0, null
 * statistics), so no figure is ever a division by zero. A value outside the three engagement groups
 * counts towards the overall figures only.
 */
export function shapeSiteReport(
  site: ReportSite,
  rows: CaseloadGroupRow[],
  range: ReportRange,
): CaseloadReportSite {
  const own = rows.filter((r) => r.siteId === site.id && r.cases > 0);
  const group = Object.fromEntries(
    engagements.map((e) => [e, combine(own.filter((r) => r.engagement === e))]),
  ) as Record<Engagement, Totals>;
  const overall = combine(own);
  const byGroup = <T>(shape: (t: Totals) => T) =>
    ({ engaged: shape(group.engaged), declined: shape(group.declined), no_data: shape(group.no_data) }) as {
      engaged: T;
      declined: T;
      no_data: T;
    };
  const earliest = own.map((r) => r.firstReferredOn).sort()[0] ?? null;
  const latest =
    own
      .map((r) => r.lastReferredOn)
      .sort()
      .at(-1) ?? null;
  return {
    siteId: site.id,
    site: site.name,
    from: range.from ?? earliest,
    to: range.to ?? latest,
    cases: overall.cases,
    engagement: byGroup((t) => ({ count: t.cases, percent: percentOf(t.cases, overall.cases) })),
    contactTypes: {
      face_to_face: {
        count: overall.faceToFace,
        percent: percentOf(overall.faceToFace, overall.contactsMade),
      },
      telephone: { count: overall.telephone, percent: percentOf(overall.telephone, overall.contactsMade) },
      other: { count: overall.other, percent: percentOf(overall.other, overall.contactsMade) },
    },
    contactsTotal: overall.contactsMade,
    attemptsTotal: overall.attempts,
    contactsPerCase: { ...byGroup(perCase), overall: perCase(overall) },
    daysOnBooks: { ...byGroup(onBooks), overall: onBooks(overall) },
  };
}

/** The report: one entry per site, in the order the sites are given, whether or not it has cases. */
export function shapeCaseloadReport(sites: ReportSite[], rows: CaseloadGroupRow[], range: ReportRange) {
  return { sites: sites.map((site) => shapeSiteReport(site, rows, range)) };
}
