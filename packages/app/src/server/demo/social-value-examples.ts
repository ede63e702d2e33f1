import type { CreateProxyBody, PublishedFigure, UpdateImpactMapBody } from '../../contract/social-value.ts';

/**
 * Impact maps for the demo, and the worked example the tests use.
 *
 * The L&D peer support review (Revolving Doors Agency and NEF Consulting, 2018; source 000 §3.5,
 * Tables 2–7) publishes totals, not its per-outcome working, so the worked example carries the
 * published value as one outcome (quantity 1, no further deductions — the published value is already
 * net of deadweight and attribution — and no discounting, as it is already discounted). The scenarios
 * then halve the proxies, swap in the optimistic total, and add six volunteers' time. Its own values
 * are quoted totals for checking, entered as the organisation's own proxies: nothing from HACT.
 */

/** The review's published tables: cost, value created and ratio, in pence and as printed. */
export const ldPublishedFigures: PublishedFigure[] = [
  {
    scenario: 'central',
    label: 'Table 2 (central)',
    totalCostPence: 54_680_300,
    valueCreatedPence: 125_233_400,
    ratio: 2.28,
  },
  {
    scenario: 'central_volunteers',
    label: 'Table 3 (with volunteer time)',
    totalCostPence: 60_048_000,
    valueCreatedPence: 94_978_500,
    ratio: 2.08,
  },
  {
    scenario: 'conservative',
    label: 'Table 4 (conservative)',
    totalCostPence: 54_680_300,
    valueCreatedPence: 62_616_700,
    ratio: 1.14,
  },
  {
    scenario: 'conservative_volunteers',
    label: 'Table 5 (conservative, with volunteer time)',
    totalCostPence: 60_048_000,
    valueCreatedPence: 62_616_700,
    ratio: 1.04,
  },
  {
    scenario: 'optimistic',
    label: 'Table 6 (optimistic)',
    totalCostPence: 54_680_300,
    valueCreatedPence: 195_939_000,
    ratio: 3.58,
  },
  {
    scenario: 'optimistic_volunteers',
    label: 'Table 7 (optimistic, with volunteer time)',
    totalCostPence: 60_048_000,
    valueCreatedPence: 195_939_000,
    ratio: 3.26,
  },
];

const reviewSource =
  'Revolving Doors Agency and NEF Consulting (2018), Liaison and Diversion peer support review';

/** The review's two published value totals, as the organisation's own (quoted) figures. */
export const ldProxies = {
  central: {
    name: 'L&D review: total value created, central estimate (Table 2)',
    unit: 'the whole service, as published',
    valuePence: 125_233_400,
    priceYear: 2018,
    sourceTitle: `${reviewSource}, §3.5 Table 2`,
    sourceUrl: null,
    licence: 'A published total quoted for checking; not a unit value to reuse',
    notes: 'Net of deadweight and attribution and already discounted, as published.',
  },
  optimistic: {
    name: 'L&D review: total value created, optimistic estimate (Table 6)',
    unit: 'the whole service, as published',
    valuePence: 195_939_000,
    priceYear: 2018,
    sourceTitle: `${reviewSource}, §3.5 Table 6`,
    sourceUrl: null,
    licence: 'A published total quoted for checking; not a unit value to reuse',
    notes: 'With higher proxies for the two housing outcomes, as published.',
  },
} satisfies Record<string, CreateProxyBody>;

export const ldSettings = {
  title: 'L&D peer support review (2018): published totals, recomputed',
  description:
    'The worked example: the review’s published scenario totals for its two pathfinder sites, recomputed from their own costs and values. The review publishes totals, so one outcome carries the whole value.',
  periodFrom: '2017-04-01',
  periodTo: '2018-03-31',
  priceYear: 2018,
  discountRate: 0,
  firstYearDiscounted: true,
  conservativeProxyScale: 0.5,
  peopleServedSource: 'manual',
  // The review reports about £2,614 of value per service user: 1,252,334 / 2,614 ≈ 479 (an inference).
  peopleServedManual: 479,
  // Illustrative: the population range that gives the review's £4–7 million a year at this cost per person.
  rolloutPopulationLow: 3_500,
  rolloutPopulationHigh: 6_150,
  publishedFigures: ldPublishedFigures,
} as const;

/** The worked example's content, given the ids of the two proxies once the organisation holds them. */
export function ldContent(proxyIds: {
  central: string;
  optimistic: string;
}): Omit<UpdateImpactMapBody, 'version' | keyof typeof ldSettings> {
  return {
    stakeholders: [{ key: 'all', name: 'Service users, peer supporters and the State' }],
    outcomes: [
      {
        stakeholderKey: 'all',
        name: 'Value created (published total)',
        outputs: 'Peer support for people in contact with Liaison and Diversion services',
        indicator: 'The review’s seven material outcomes (its Table 1), valued and summed',
        quantitySource: 'manual',
        manualQuantity: 1,
        quantityNote:
          'The published total (Tables 2 and 6); surveys of 22 service users and 6 peer supporters',
        sampleSize: 28,
        proxy: { kind: 'organisation', id: proxyIds.central },
        optimisticProxy: { kind: 'organisation', id: proxyIds.optimistic },
        deadweight: 0,
        displacement: 0,
        attribution: 0,
        dropOff: 0,
        duration: 1,
      },
    ],
    costs: [
      {
        category: 'other',
        description: 'Total cost of the services, full cost recovery, as published (Table 2)',
        amountPence: 54_680_300,
      },
      {
        category: 'volunteer_time',
        description: 'Six volunteer peer supporters (the review: about £53,677)',
        // The review gives only the total; 7,157 hours at the April 2017 National Living Wage (£7.50) give £53,677.50.
        volunteerHours: 7_157,
      },
    ],
  };
}

/**
 * A map linked to live data, for one demo site's last twelve months: its quantities are counts of the
 * site's own records, so the ratio moves as the demo's records do. The per-person changes are
 * illustrative assumptions (marked as such) until issue 5 brings survey distance travelled.
 */
export function liveDemoMap(period: { from: string; to: string }): Omit<UpdateImpactMapBody, 'version'> {
  const assumption = 'Illustrative assumption until survey distance travelled is collected (issue 5)';
  return {
    title: 'Wiltshire peer support: the last twelve months (live)',
    description:
      'Outcomes counted from the site’s own records as they arrive. The change per person is an illustrative assumption, not a measurement.',
    periodFrom: period.from,
    periodTo: period.to,
    priceYear: 2024,
    discountRate: 0.035,
    firstYearDiscounted: true,
    conservativeProxyScale: 0.5,
    peopleServedSource: 'engaged_cases',
    peopleServedManual: null,
    rolloutPopulationLow: 3_500,
    rolloutPopulationHigh: 6_150,
    publishedFigures: [],
    stakeholders: [
      { key: 'users', name: 'Service users' },
      { key: 'state', name: 'The State' },
    ],
    outcomes: [
      {
        stakeholderKey: 'users',
        name: 'Improved life satisfaction while engaged',
        outputs: 'Peer support contacts',
        indicator: 'Engaged cases (life satisfaction, 0–10, once surveyed)',
        quantitySource: 'engaged_cases',
        quantityFactor: 0.1,
        quantityNote: `${assumption}: 0.1 of a point of life satisfaction for each engaged person`,
        proxy: { kind: 'library', key: 'wellby-central' },
        optimisticProxy: { kind: 'library', key: 'wellby-high' },
        deadweight: 0.08,
        displacement: 0,
        attribution: 0.34,
        dropOff: 0.5,
        duration: 2,
      },
      {
        stakeholderKey: 'users',
        name: 'Goals met at discharge',
        outputs: 'Discharges with goals met',
        indicator: 'Cases discharged with goals met',
        quantitySource: 'cases_discharged_goals_met',
        quantityFactor: 0.2,
        quantityNote: `${assumption}: a further 0.2 of a point for each person who met their goals`,
        proxy: { kind: 'library', key: 'wellby-central' },
        optimisticProxy: { kind: 'library', key: 'wellby-high' },
        deadweight: 0.08,
        displacement: 0,
        attribution: 0.34,
        dropOff: 0.5,
        duration: 2,
      },
      {
        stakeholderKey: 'state',
        name: 'Benefit entitlement taken up with support (a cost to the State)',
        isHarm: true,
        outputs: 'Help with benefit claims',
        indicator: 'People helped to claim Employment and Support Allowance',
        quantitySource: 'manual',
        manualQuantity: 6,
        quantityNote: 'Coordinator’s count from case notes (illustrative)',
        sampleSize: 22,
        proxy: { kind: 'library', key: 'esa-assessment-25-plus-2018-year' },
        deadweight: 0.08,
        displacement: 0,
        attribution: 0.27,
        dropOff: 0,
        duration: 1,
      },
    ],
    costs: [
      { category: 'staff', description: 'Peer support coordinator, Band 5 (1 WTE)', amountPence: 3_176_000 },
      { category: 'staff', description: 'Senior peer supporter, Band 6 (0.4 WTE)', amountPence: 1_533_400 },
      { category: 'equipment', description: 'Laptops and mobiles', amountPence: 400_000 },
      { category: 'training', description: 'Training', amountPence: 1_000_000 },
      { category: 'expenses', description: 'Expenses', amountPence: 1_000_000 },
      { category: 'overheads', description: 'Management and corporate overheads', amountPence: 1_200_000 },
      {
        category: 'other',
        description: 'Personalisation Fund grants',
        amountSource: 'fund_applications_approved',
      },
      { category: 'volunteer_time', description: 'Volunteer peer supporters', volunteerHours: 1_200 },
    ],
  };
}
