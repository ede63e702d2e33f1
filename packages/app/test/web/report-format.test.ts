import { describe, expect, it } from 'vitest';
import { caseloadReportPath } from '../../src/web/features/reports/caseload-report-query.ts';
import {
  formatCalendarDate,
  formatDaysOnBooks,
  formatMeanRange,
  formatPeriod,
  formatShare,
} from '../../src/web/features/reports/report-format.ts';

describe('the caseload report’s figures in the web app', () => {
  it('writes calendar dates UK style, the same day in any time zone', () => {
    expect(formatCalendarDate('2018-08-06')).toBe('6 August 2018');
    expect(formatCalendarDate('2026-01-01')).toBe('1 January 2026');
  });

  it('writes counts with their share, as Table 1 does', () => {
    expect(formatShare({ count: 132, percent: 83.5 })).toBe('132 (83.5%)');
    expect(formatShare({ count: 0, percent: 0 })).toBe('0 (0.0%)');
    expect(formatShare({ count: 0, percent: null })).toBe('0');
  });

  it('writes contacts per case as a mean with its range, and says when a group is empty', () => {
    expect(formatMeanRange({ mean: 13.8, min: 1, max: 67 })).toBe('13.80 (range 1–67)');
    expect(formatMeanRange({ mean: null, min: null, max: null })).toBe('No cases');
  });

  it('writes days on the books with the number of discharged cases behind the mean', () => {
    expect(formatDaysOnBooks({ count: 1, mean: 31 })).toBe('31.0 days (1 case)');
    expect(formatDaysOnBooks({ count: 70, mean: 61.4 })).toBe('61.4 days (70 cases)');
    expect(formatDaysOnBooks({ count: 0, mean: null })).toBe('None discharged');
  });

  it('writes the period covered, open at either end', () => {
    expect(formatPeriod('2018-03-01', '2018-06-30')).toBe('1 March 2018 to 30 June 2018');
    expect(formatPeriod('2018-03-01', null)).toBe('From 1 March 2018');
    expect(formatPeriod(null, null)).toBe('No referrals');
  });

  it('asks for several sites by repeating siteId, and leaves out what is not chosen', () => {
    expect(caseloadReportPath({ siteIds: [], from: '', to: '' })).toBe('/api/reports/caseload');
    expect(caseloadReportPath({ siteIds: ['a', 'b'], from: '2026-01-01', to: '' })).toBe(
      '/api/reports/caseload?siteId=a&siteId=b&from=2026-01-01',
    );
  });
});
