/**
 * The financial proxy library Peerpath ships, version 1. Only openly licensed values, each with its
 * source and licence, and only values checked against a source named here. Values are in pence, in
 * their own price year; the report uprates them with the GDP deflator (deflators.v1.ts).
 *
 * Never add HACT UK Social Value Bank or National TOMs values: their licences forbid building them
 * into tools (BRIEF §5). An organisation holding a licence enters them as its own proxies, which stay
 * in its data (`financial_proxies`, never shippable). A test holds this file to that rule.
 */

export const PROXY_LIBRARY_VERSION = 'v1 (2026-11-23)';

export type LibraryProxy = {
  key: string;
  name: string;
  unit: string;
  valuePence: number;
  priceYear: number;
  sourceTitle: string;
  sourceUrl: string;
  licence: string;
  isShippable: true;
  notes: string;
};

const ogl = 'Open Government Licence v3.0';
const wellbeingGuidance = {
  sourceTitle: 'HM Treasury, Wellbeing guidance for appraisal: supplementary Green Book guidance (July 2021)',
  sourceUrl: 'https://www.gov.uk/government/publications/green-book-supplementary-guidance-wellbeing',
  licence: ogl,
};
const benefitRates2018 = {
  sourceTitle: 'Department for Work and Pensions, Benefit and pension rates 2018 to 2019',
  sourceUrl: 'https://www.gov.uk/government/publications/benefit-and-pension-rates-2018-to-2019',
  licence: ogl,
};

export const libraryProxies: readonly LibraryProxy[] = [
  {
    key: 'wellby-central',
    name: 'One WELLBY: one point of life satisfaction (0–10) for one person for one year — central value',
    unit: 'per WELLBY',
    valuePence: 1_300_000,
    priceYear: 2019,
    ...wellbeingGuidance,
    isShippable: true,
    notes:
      'The guidance gives £13,000 in 2019 prices, within a range of £10,000 to £16,000 (the low and high entries). Quantity: people × points of life satisfaction gained.',
  },
  {
    key: 'wellby-low',
    name: 'One WELLBY — low value',
    unit: 'per WELLBY',
    valuePence: 1_000_000,
    priceYear: 2019,
    ...wellbeingGuidance,
    isShippable: true,
    notes: 'The low end of the guidance’s range (2019 prices).',
  },
  {
    key: 'wellby-high',
    name: 'One WELLBY — high value',
    unit: 'per WELLBY',
    valuePence: 1_600_000,
    priceYear: 2019,
    ...wellbeingGuidance,
    isShippable: true,
    notes: 'The high end of the guidance’s range (2019 prices).',
  },
  {
    key: 'esa-assessment-25-plus-2018-year',
    name: 'Employment and Support Allowance, assessment phase, aged 25 or over: 52 weeks at £73.10',
    unit: 'per person per year',
    valuePence: 380_120,
    priceYear: 2018,
    ...benefitRates2018,
    isShippable: true,
    notes:
      'The 2018/19 weekly rate × 52. A cost to the State when the service helps someone claim: mark the outcome as a harm. The L&D review quotes this rate (Appendix 5).',
  },
  {
    key: 'esa-support-group-2018-year',
    name: 'Employment and Support Allowance, support group (main phase): 52 weeks at £110.75',
    unit: 'per person per year',
    valuePence: 575_900,
    priceYear: 2018,
    ...benefitRates2018,
    isShippable: true,
    notes:
      'The 2018/19 weekly rate (£73.10 personal allowance + £37.65 support component) × 52. The L&D review quotes this rate (Appendix 5).',
  },
];

/** Values deliberately not shipped, with the reason: shown to editors beside the library. */
export const notShipped: readonly { name: string; reason: string }[] = [
  {
    name: 'HACT UK Social Value Bank values (e.g. the L&D review’s £1,850, £8,019, £13,382, £1,567, £12,034)',
    reason:
      'Its licence forbids building its values into tools. An organisation holding a HACT licence adds them as its own proxies; they stay in its data.',
  },
  {
    name: 'National TOMs values',
    reason: 'Its licence forbids building its values into tools. Licence holders enter them themselves.',
  },
  {
    name: 'The L&D review’s cost-based proxies: a 12-session CBT course £1,200; a week of residential rehabilitation £688; inpatient detoxification £1,076; a year in temporary accommodation £6,180 (upper £8,580); GDP per capita from upskilling £1,398',
    reason:
      'The review (Appendix 5) does not say which of its references each value came from (they include PSSRU Unit Costs 2017, Crisis and The Guardian), so their licences could not be established. Check the original source, then enter them as your own proxies.',
  },
  {
    name: 'PSSRU Unit Costs of Health and Social Care; GMCA Unit Cost Database',
    reason:
      'Open sources that may be shipped, but no value has yet been transcribed and checked against the publication and its licence terms. Until then, enter the values you use as your own proxies, with the edition and table.',
  },
];
