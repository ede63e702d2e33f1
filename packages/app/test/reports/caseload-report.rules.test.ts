import { describe, expect, it } from 'vitest';
import {
  type CaseloadGroupRow,
  meanOf,
  percentOf,
  shapeSiteReport,
} from '../../src/server/modules/reports/caseload-report.rules.ts';

const row = (change: Partial<CaseloadGroupRow>): CaseloadGroupRow => ({
  siteId: 's1',
  engagement: 'engaged',
  cases: 1,
  faceToFace: 0,
  telephone: 0,
  other: 0,
  attempts: 0,
  contactsMade: 0,
  minContacts: 0,
  maxContacts: 0,
  discharged: 0,
  daysOnBooks: 0,
  firstReferredOn: '2026-01-01',
  lastReferredOn: '2026-01-01',
  ...change,
});
const site = { id: 's1', name: 'Site one' };

describe('rounding in the caseload report', () => {
  it('gives percentages to one decimal, rounding half up', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 exactly
    expect(percentOf(132, 158)).toBe(83.5); // Wiltshire engaged, Table 1: 84%
    expect(percentOf(0, 7)).toBe(0);
    expect(percentOf(7, 7)).toBe(100);
  });

  it('gives no percentage (null) of a total of 0, never a division by zero', () => {
    expect(percentOf(0, 0)).toBeNull();
  });

  it('gives means to the decimals asked for, rounding half up, and null over nothing', () => {
    expect(meanOf(7, 3, 2)).toBe(2.33);
    expect(meanOf(1, 8, 2)).toBe(0.13); // 0.125 exactly
    expect(meanOf(1, 40, 1)).toBe(0); // 0.025
    expect(meanOf(5, 4, 1)).toBe(1.3); // 1.25 exactly
    expect(meanOf(1195, 107, 2)).toBe(11.17);
    expect(meanOf(0, 0, 2)).toBeNull();
  });
});

describe('shaping one site’s groups into the report', () => {
  it('combines groups into the overall figures: sums, the smallest minimum and the largest maximum', () => {
    const report = shapeSiteReport(
      site,
      [
        row({
          engagement: 'engaged',
          cases: 2,
          faceToFace: 3,
          telephone: 1,
          contactsMade: 4,
          minContacts: 1,
          maxContacts: 3,
          discharged: 1,
          daysOnBooks: 40,
          firstReferredOn: '2026-02-01',
          lastReferredOn: '2026-03-01',
        }),
        row({
          engagement: 'declined',
          cases: 1,
          other: 2,
          attempts: 5,
          contactsMade: 2,
          minContacts: 2,
          maxContacts: 2,
          discharged: 1,
          daysOnBooks: 9,
          firstReferredOn: '2026-01-15',
          lastReferredOn: '2026-01-15',
        }),
      ],
      {},
    );
    expect(report.cases).toBe(3);
    expect(report.from).toBe('2026-01-15');
    expect(report.to).toBe('2026-03-01');
    expect(report.contactsTotal).toBe(6);
    expect(report.attemptsTotal).toBe(5);
    expect(report.contactTypes).toEqual({
      face_to_face: { count: 3, percent: 50 },
      telephone: { count: 1, percent: 16.7 },
      other: { count: 2, percent: 33.3 },
    });
    expect(report.contactsPerCase.overall).toEqual({ count: 3, mean: 2, min: 1, max: 3 });
    expect(report.daysOnBooks.overall).toEqual({ count: 2, mean: 24.5 });
    expect(report.daysOnBooks.no_data).toEqual({ count: 0, mean: null });
    expect(report.contactsPerCase.no_data).toEqual({ count: 0, mean: null, min: null, max: null });
  });

  it('ignores other sites’ rows and keeps the range asked for', () => {
    const report = shapeSiteReport(site, [row({ siteId: 's2', cases: 9 })], {
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(report.cases).toBe(0);
    expect(report.from).toBe('2026-01-01');
    expect(report.to).toBe('2026-06-30');
    expect(report.engagement.engaged).toEqual({ count: 0, percent: null });
    expect(report.contactTypes.telephone).toEqual({ count: 0, percent: null });
  });

  it('counts a case outside the three engagement groups in the overall figures only', () => {
    const report = shapeSiteReport(
      site,
      [row({ engagement: 'engaged' }), row({ engagement: 'unknown' })],
      {},
    );
    expect(report.cases).toBe(2);
    expect(report.engagement.engaged).toEqual({ count: 1, percent: 50 });
    expect(report.contactsPerCase.overall.count).toBe(2);
  });
});
