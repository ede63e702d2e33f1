/**
 * The National Living Wage (the adult rate of the National Minimum Wage) from 1 April of each year,
 * in pence an hour. Volunteer time is valued at the rate in force on the first day of an impact map's
 * period (the L&D review valued its volunteers' time at the National Living Wage, §3.5).
 * Source: GOV.UK, National Minimum Wage and National Living Wage rates; Open Government Licence v3.0.
 * The age it applies from fell from 25 to 23 (April 2021) and to 21 (April 2024).
 */
export const livingWageSource = {
  title: 'GOV.UK, National Minimum Wage and National Living Wage rates',
  url: 'https://www.gov.uk/national-minimum-wage-rates',
  licence: 'Open Government Licence v3.0',
};

export const nationalLivingWage: readonly { from: string; ratePence: number }[] = [
  { from: '2016-04-01', ratePence: 720 },
  { from: '2017-04-01', ratePence: 750 },
  { from: '2018-04-01', ratePence: 783 },
  { from: '2019-04-01', ratePence: 821 },
  { from: '2020-04-01', ratePence: 872 },
  { from: '2021-04-01', ratePence: 891 },
  { from: '2022-04-01', ratePence: 950 },
  { from: '2023-04-01', ratePence: 1042 },
  { from: '2024-04-01', ratePence: 1144 },
  { from: '2025-04-01', ratePence: 1221 },
  { from: '2026-04-01', ratePence: 1271 },
];
