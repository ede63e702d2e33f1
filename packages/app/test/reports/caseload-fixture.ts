import type { Db } from '../../src/server/db/database.ts';
import { newId } from '../../src/server/db/ids.ts';
import { cases } from '../../src/server/modules/cases/cases.table.ts';
import { contacts } from '../../src/server/modules/contacts/contacts.table.ts';

/**
 * A small, synthetic caseload whose report is worked out by hand in the tests. Contacts are given as
 * `type@yyyy-mm-dd`, with `!` in front for an attempt (`!telephone@2026-01-11`).
 */
export type FixtureCase = {
  key: string;
  site: string;
  localCaseId: string;
  engagement: 'engaged' | 'declined' | 'no_data';
  referredOn: string;
  dischargedOn?: string;
  importedFirstContactOn?: string;
  dateOfBirth?: string;
  contacts?: string[];
};

export const fixtureCases: FixtureCase[] = [
  {
    key: 'N1',
    site: 'North',
    localCaseId: 'N-001',
    engagement: 'engaged',
    referredOn: '2026-01-10',
    dischargedOn: '2026-03-11', // 60 days
    dateOfBirth: '1990-04-17',
    contacts: [
      '!telephone@2026-01-11',
      'face_to_face@2026-01-12',
      'telephone@2026-01-20',
      'face_to_face@2026-02-03',
      'telephone@2026-02-10',
      'other@2026-02-28',
      'face_to_face@2026-03-01',
    ],
  },
  {
    key: 'N2',
    site: 'North',
    localCaseId: 'N-002',
    engagement: 'engaged',
    referredOn: '2026-02-01',
    contacts: ['telephone@2026-03-05'],
  },
  {
    key: 'N3',
    site: 'North',
    // A spreadsheet would run this as a formula if the export did not escape it.
    localCaseId: '=SUM(A1:A9)',
    engagement: 'engaged',
    referredOn: '2026-02-15',
    dischargedOn: '2026-02-20', // 5 days
    importedFirstContactOn: '2026-02-16',
  },
  {
    key: 'N4',
    site: 'North',
    localCaseId: 'N-004',
    engagement: 'declined',
    referredOn: '2026-03-01',
    dischargedOn: '2026-04-01', // 31 days
    contacts: [
      '!telephone@2026-03-01',
      '!face_to_face@2026-03-01',
      'telephone@2026-03-02',
      'telephone@2026-03-20',
    ],
  },
  {
    key: 'N5',
    site: 'North',
    localCaseId: 'N-005',
    engagement: 'declined',
    referredOn: '2025-12-20',
    dischargedOn: '2026-01-05', // 16 days
    contacts: ['face_to_face@2025-12-22'],
  },
  {
    key: 'S1',
    site: 'South',
    localCaseId: 'S-001',
    engagement: 'no_data',
    referredOn: '2026-05-05',
    contacts: ['!telephone@2026-05-06'],
  },
  {
    key: 'S2',
    site: 'South',
    localCaseId: 'S-002',
    engagement: 'engaged',
    referredOn: '2026-06-01',
    dischargedOn: '2026-06-04', // 3 days
    contacts: ['other@2026-06-02', 'other@2026-06-03'],
  },
  { key: 'S3', site: 'South', localCaseId: 'S-003', engagement: 'no_data', referredOn: '2026-07-07' },
];

/** Inserts the fixture for one organisation; returns case ids by key. Sites not in `siteIds` are skipped. */
export async function insertFixture(
  db: Db,
  organisationId: string,
  siteIds: Record<string, string>,
  list: FixtureCase[] = fixtureCases,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const now = new Date('2026-08-01T09:00:00Z');
  for (const c of list) {
    const siteId = siteIds[c.site];
    if (!siteId) continue;
    const id = newId();
    ids[c.key] = id;
    await db.insert(cases).values({
      id,
      organisationId,
      siteId,
      localCaseId: c.localCaseId,
      referralSource: 'police_custody',
      referredOn: c.referredOn,
      personName: `Testperson ${c.key}`,
      phone: '07700 900123',
      dateOfBirth: c.dateOfBirth ?? null,
      gender: 'not_stated',
      needs: ['mental_health', 'substance_use'],
      complexity: 'moderate',
      status: c.dischargedOn ? 'discharged' : 'active',
      engagement: c.engagement,
      dischargedOn: c.dischargedOn ?? null,
      dischargeReason: c.dischargedOn ? 'goals_met' : null,
      importedFirstContactOn: c.importedFirstContactOn ?? null,
      createdAt: now,
      updatedAt: now,
    });
    for (const spec of c.contacts ?? []) {
      const isAttempt = spec.startsWith('!');
      const [type, day] = spec.replace('!', '').split('@') as [string, string];
      await db.insert(contacts).values({
        id: newId(),
        organisationId,
        siteId,
        caseId: id,
        contactedOn: day,
        contactedAt: new Date(`${day}T12:00:00Z`),
        type,
        outcome: isAttempt ? 'attempted' : 'made',
        createdAt: now,
      });
    }
  }
  return ids;
}

const empty = { count: 0, percent: null };
const noCases = { count: 0, mean: null, min: null, max: null };
const noneDischarged = { count: 0, mean: null };

/** The report of the fixture, worked out by hand: North for all time. */
export const northAllTime = {
  site: 'North',
  from: '2025-12-20',
  to: '2026-03-01',
  cases: 5,
  engagement: {
    engaged: { count: 3, percent: 60 },
    declined: { count: 2, percent: 40 },
    no_data: { count: 0, percent: 0 },
  },
  contactTypes: {
    face_to_face: { count: 4, percent: 40 },
    telephone: { count: 5, percent: 50 },
    other: { count: 1, percent: 10 },
  },
  contactsTotal: 10,
  attemptsTotal: 3,
  contactsPerCase: {
    engaged: { count: 3, mean: 2.33, min: 0, max: 6 },
    declined: { count: 2, mean: 1.5, min: 1, max: 2 },
    no_data: noCases,
    overall: { count: 5, mean: 2, min: 0, max: 6 },
  },
  daysOnBooks: {
    engaged: { count: 2, mean: 32.5 },
    declined: { count: 2, mean: 23.5 },
    no_data: noneDischarged,
    overall: { count: 4, mean: 28 },
  },
};

/** North for cases referred in 2026 (N5 was referred in December 2025). */
export const north2026 = {
  site: 'North',
  from: '2026-01-01',
  to: '2026-12-31',
  cases: 4,
  engagement: {
    engaged: { count: 3, percent: 75 },
    declined: { count: 1, percent: 25 },
    no_data: { count: 0, percent: 0 },
  },
  contactTypes: {
    face_to_face: { count: 3, percent: 33.3 },
    telephone: { count: 5, percent: 55.6 },
    other: { count: 1, percent: 11.1 },
  },
  contactsTotal: 9,
  attemptsTotal: 3,
  contactsPerCase: {
    engaged: { count: 3, mean: 2.33, min: 0, max: 6 },
    declined: { count: 1, mean: 2, min: 2, max: 2 },
    no_data: noCases,
    overall: { count: 4, mean: 2.25, min: 0, max: 6 },
  },
  daysOnBooks: {
    engaged: { count: 2, mean: 32.5 },
    declined: { count: 1, mean: 31 },
    no_data: noneDischarged,
    overall: { count: 3, mean: 32 },
  },
};

export const southAllTime = {
  site: 'South',
  from: '2026-05-05',
  to: '2026-07-07',
  cases: 3,
  engagement: {
    engaged: { count: 1, percent: 33.3 },
    declined: { count: 0, percent: 0 },
    no_data: { count: 2, percent: 66.7 },
  },
  contactTypes: {
    face_to_face: { count: 0, percent: 0 },
    telephone: { count: 0, percent: 0 },
    other: { count: 2, percent: 100 },
  },
  contactsTotal: 2,
  attemptsTotal: 1,
  contactsPerCase: {
    engaged: { count: 1, mean: 2, min: 2, max: 2 },
    declined: noCases,
    no_data: { count: 2, mean: 0, min: 0, max: 0 },
    overall: { count: 3, mean: 0.67, min: 0, max: 2 },
  },
  daysOnBooks: {
    engaged: { count: 1, mean: 3 },
    declined: noneDischarged,
    no_data: noneDischarged,
    overall: { count: 1, mean: 3 },
  },
};

/** A site with no cases at all: counts of 0, null statistics, no range. */
export const eastNoCases = {
  site: 'East',
  from: null,
  to: null,
  cases: 0,
  engagement: { engaged: empty, declined: empty, no_data: empty },
  contactTypes: { face_to_face: empty, telephone: empty, other: empty },
  contactsTotal: 0,
  attemptsTotal: 0,
  contactsPerCase: { engaged: noCases, declined: noCases, no_data: noCases, overall: noCases },
  daysOnBooks: {
    engaged: noneDischarged,
    declined: noneDischarged,
    no_data: noneDischarged,
    overall: noneDischarged,
  },
};
