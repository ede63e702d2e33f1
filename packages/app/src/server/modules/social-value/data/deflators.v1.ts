import type { DeflatorSeries } from '../../../../contract/social-value.ts';

/**
 * GDP deflator at market prices, calendar years, 2024 = 100: HM Treasury, "GDP deflators at market
 * prices, and money GDP", December 2025 (Quarterly National Accounts) release; ONS series MNF2.
 * Crown copyright, Open Government Licence v3.0.
 *
 * Transcribed (outturn years 1990–2024 only; no forecasts) from the extraction of that release in the
 * open-source R package `greenbook` (github.com/charlescoverdale/greenbook, inst/extdata/gdp_deflator.csv).
 * Check it against the Treasury file before relying on it, and add a v2 file when a release is adopted
 * rather than editing this one, so old reports can say which series they used.
 */
export const gdpDeflators: DeflatorSeries = {
  title: 'HM Treasury GDP deflator at market prices, calendar years (2024 = 100)',
  release: 'December 2025 (Quarterly National Accounts), outturn to 2024',
  sourceUrl: 'https://www.gov.uk/government/collections/gdp-deflators-at-market-prices-and-money-gdp',
  licence: 'Open Government Licence v3.0',
  baseYear: 2024,
  values: [
    { year: 1990, index: 42.7537 },
    { year: 1991, index: 45.6203 },
    { year: 1992, index: 47.1096 },
    { year: 1993, index: 48.5208 },
    { year: 1994, index: 49.4168 },
    { year: 1995, index: 50.7097 },
    { year: 1996, index: 52.8097 },
    { year: 1997, index: 52.8303 },
    { year: 1998, index: 53.5326 },
    { year: 1999, index: 54.2793 },
    { year: 2000, index: 54.8102 },
    { year: 2001, index: 55.7479 },
    { year: 2002, index: 56.911 },
    { year: 2003, index: 58.266 },
    { year: 2004, index: 59.8584 },
    { year: 2005, index: 61.5718 },
    { year: 2006, index: 63.4682 },
    { year: 2007, index: 64.7322 },
    { year: 2008, index: 66.89 },
    { year: 2009, index: 68.217 },
    { year: 2010, index: 69.1217 },
    { year: 2011, index: 70.834 },
    { year: 2012, index: 71.9294 },
    { year: 2013, index: 73.4795 },
    { year: 2014, index: 74.6524 },
    { year: 2015, index: 75.1536 },
    { year: 2016, index: 76.4554 },
    { year: 2017, index: 77.6367 },
    { year: 2018, index: 79.1606 },
    { year: 2019, index: 81.1085 },
    { year: 2020, index: 85.2137 },
    { year: 2021, index: 85.6358 },
    { year: 2022, index: 90.5005 },
    { year: 2023, index: 96.2507 },
    { year: 2024, index: 100 },
  ],
};
