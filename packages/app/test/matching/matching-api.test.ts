import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contract/cases.ts';
import type { BatchProposal, CaseMatches } from '../../src/contract/matching.ts';
import type { Clock } from '../../src/server/clock.ts';
import { newId } from '../../src/server/db/ids.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.table.ts';
import { workforceMembers } from '../../src/server/modules/workforce/people/people.table.ts';
import { dbsChecks } from '../../src/server/modules/workforce/safety/safety.table.ts';
import { apiCaller } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';

const clock: Clock = { now: () => new Date('2026-03-02T10:00:00Z') };

describe('matching a referral to a peer', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  let organisationId: string;
  const cookies: Record<string, string> = {};
  let counter = 0;

  const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[who] as string, ...(method === 'GET' ? {} : { origin: testOrigin }) },
      ...(payload ? { payload } : {}),
    });
  const newReferral = async (extra: object = {}) => {
    const response = await call('coordinator', 'POST', '/api/cases', {
      siteId: siteIds.North,
      localCaseId: `M-${++counter}`,
      referralSource: 'court',
      referredOn: '2026-02-01',
      complexity: 'moderate',
      needs: ['homelessness'],
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CaseDetail;
  };
  const member = async (
    key: string,
    extra: Partial<typeof workforceMembers.$inferInsert>,
    dbsOn = '2025-06-01',
  ) => {
    const id = newId();
    const now = clock.now();
    await t.db.insert(workforceMembers).values({
      id,
      organisationId,
      siteId: siteIds.North as string,
      siteIds: [siteIds.North as string],
      userId: users[key]?.id ?? null,
      displayName: `Peer ${key}`,
      role: 'paid_peer',
      status: 'active',
      createdAt: now,
      updatedAt: now,
      ...extra,
    });
    await t.db.insert(dbsChecks).values({
      id: newId(),
      memberId: id,
      organisationId,
      siteId: siteIds.North as string,
      level: 'enhanced',
      certificateOn: dbsOn,
      recordedAt: now,
    });
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Matching',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'alex', role: 'peer_supporter', sites: ['North'] },
        { key: 'sam', role: 'peer_supporter', sites: ['North'] },
        { key: 'jo', role: 'peer_supporter', sites: ['North'] },
        { key: 'kim', role: 'volunteer', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    organisationId = seeded.organisation.id;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
    await member('alex', {
      gender: 'female',
      livedExperience: ['homelessness'],
      areasCovered: ['Trowbridge'],
      caseloadCap: 12,
    });
    await member('sam', { gender: 'male', areasCovered: ['Trowbridge'], caseloadCap: 12 });
    await member('jo', { gender: 'female', caseloadCap: 12 }, '2020-01-01'); // DBS out of date
    await member('kim', { role: 'new_volunteer', gender: 'female' });
  });
  afterAll(() => t?.close());

  it('shortlists eligible peers with reasons, and says why the others may not take the case', async () => {
    const referral = await newReferral({ genderPreference: 'female' });
    await call('coordinator', 'PUT', `/api/cases/${referral.id}/matching-profile`, {
      area: 'Trowbridge',
      language: null,
      kinds: [],
    });
    const response = await call('coordinator', 'GET', `/api/cases/${referral.id}/matches`);
    expect(response.statusCode, response.body).toBe(200);
    const matches = response.json() as CaseMatches;
    expect(matches.eligible.map((e) => e.name)).toEqual(['Peer alex']);
    expect(matches.eligible[0]?.reasons).toEqual([
      'Shares lived experience of homelessness',
      'Client prefers a woman',
      'Covers Trowbridge',
      '12 of 12 places free',
    ]);
    const why = Object.fromEntries(matches.ineligible.map((i) => [i.name, i.blockers]));
    expect(why['Peer sam']).toEqual(['The client prefers a woman']);
    expect(why['Peer jo']).toEqual(['A required safety check is missing or out of date']);
    expect(why['Peer kim']?.[0]).toBe('A new volunteer does not carry cases');
  });

  it('confirms the first suggestion, which allocates the case, and audits the decision', async () => {
    const referral = await newReferral({ genderPreference: 'female' });
    const response = await call('coordinator', 'POST', `/api/cases/${referral.id}/matches/decision`, {
      userId: users.alex?.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as CaseDetail).lead?.userId).toBe(users.alex?.id);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'matching.confirm'));
    expect(audit.some((a) => a.entityIds.includes(referral.id))).toBe(true);
  });

  it('asks for a reason to choose someone other than the first suggestion, and records it', async () => {
    const referral = await newReferral();
    const matches = (
      await call('coordinator', 'GET', `/api/cases/${referral.id}/matches`)
    ).json() as CaseMatches;
    const second = matches.eligible[1];
    expect(second).toBeDefined();
    const before = await databaseDigest(t.database);
    const bare = await call('coordinator', 'POST', `/api/cases/${referral.id}/matches/decision`, {
      userId: second?.userId,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0].field).toBe('overrideReason');
    expect(await databaseDigest(t.database)).toEqual(before);
    const withReason = await call('coordinator', 'POST', `/api/cases/${referral.id}/matches/decision`, {
      userId: second?.userId,
      overrideReason: 'They already know the hostel staff.',
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'matching.override'));
    expect(audit?.query).toMatchObject({ overrideReason: 'They already know the hostel staff.' });
  });

  it('never allocates a peer who breaks a hard constraint, even on purpose', async () => {
    const referral = await newReferral({ genderPreference: 'female' });
    const response = await call('coordinator', 'POST', `/api/cases/${referral.id}/matches/decision`, {
      userId: users.sam?.id,
      overrideReason: 'Trying anyway',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'userId' });
    expect(response.json().error.details[0].message).toContain('prefers a woman');
  });

  it('does not show the shortlist of a case at another site (404)', async () => {
    const referral = await newReferral();
    expect((await call('coordinatorSouth', 'GET', `/api/cases/${referral.id}/matches`)).statusCode).toBe(404);
    expect((await call('alex', 'GET', `/api/cases/${referral.id}/matches`)).statusCode).toBe(403);
  });

  it('proposes placements for the site’s unallocated referrals, then allocates them all on approval', async () => {
    const proposed = await call('coordinator', 'POST', `/api/sites/${siteIds.North}/matching/proposals`);
    expect(proposed.statusCode, proposed.body).toBe(200);
    const proposal = proposed.json() as BatchProposal;
    expect(proposal.placements.length).toBeGreaterThan(0);
    for (const p of proposal.placements) expect(p.reasons.length).toBeGreaterThan(0);
    const approved = await call('coordinator', 'POST', `/api/sites/${siteIds.North}/matching/approvals`, {
      placements: proposal.placements.map((p) => ({ caseId: p.caseId, userId: p.userId })),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().allocated).toBe(proposal.placements.length);
    const again = (
      await call('coordinator', 'POST', `/api/sites/${siteIds.North}/matching/proposals`)
    ).json();
    expect(again.placements).toEqual([]);
  });

  it('refuses an approval that breaks a hard constraint, allocating none of the batch', async () => {
    const good = await newReferral();
    const bad = await newReferral({ genderPreference: 'female' });
    const before = await databaseDigest(t.database);
    const response = await call('coordinator', 'POST', `/api/sites/${siteIds.North}/matching/approvals`, {
      placements: [
        { caseId: good.id, userId: users.alex?.id },
        { caseId: bad.id, userId: users.sam?.id },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('placements.1.userId');
    expect(await databaseDigest(t.database)).toEqual(before);
  });

  it('keeps per-site weights, validated', async () => {
    const bad = await call('coordinator', 'PUT', `/api/sites/${siteIds.North}/matching-weights`, {
      livedExperience: 200,
      area: 10,
      language: 10,
      capacity: 10,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('livedExperience');
    const ok = await call('coordinator', 'PUT', `/api/sites/${siteIds.North}/matching-weights`, {
      livedExperience: 10,
      area: 50,
      language: 10,
      capacity: 30,
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await call('coordinator', 'GET', `/api/sites/${siteIds.North}/matching-weights`)).json(),
    ).toMatchObject({
      area: 50,
    });
    expect(
      (await call('coordinator', 'GET', `/api/sites/${siteIds.South}/matching-weights`)).statusCode,
    ).toBe(404);
  });
});

describe('proposing for the referrals the coordinator chose', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  const cookies: Record<string, string> = {};
  let counter = 0;
  const call = apiCaller(() => t.app, cookies);
  const proposals = (siteId: string, payload?: object) =>
    call('coordinator', 'POST', `/api/sites/${siteId}/matching/proposals`, payload);

  const referral = async (site: string, profile: { area: string | null; language: string | null }) => {
    const response = await call('coordinator', 'POST', '/api/cases', {
      siteId: siteIds[site],
      localCaseId: `C-${++counter}`,
      referralSource: 'court',
      referredOn: '2026-02-01',
      complexity: 'moderate',
      needs: ['homelessness'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as CaseDetail;
    const put = await call('coordinator', 'PUT', `/api/cases/${created.id}/matching-profile`, {
      ...profile,
      kinds: [],
    });
    expect(put.statusCode, put.body).toBe(200);
    return created.id;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Chosen Matching',
      sites: ['East', 'West'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['East', 'West'] },
        { key: 'ana', role: 'peer_supporter', sites: ['East'] },
        { key: 'ben', role: 'peer_supporter', sites: ['East'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
    // One free place each: Ana covers Bath and Frome and speaks Polish; Ben covers neither.
    const peers: [string, Partial<typeof workforceMembers.$inferInsert>][] = [
      ['ana', { areasCovered: ['Bath', 'Frome'], languages: ['Polish'] }],
      ['ben', {}],
    ];
    for (const [key, extra] of peers) {
      const id = newId();
      const now = clock.now();
      await t.db.insert(workforceMembers).values({
        id,
        organisationId: seeded.organisation.id,
        siteId: siteIds.East as string,
        siteIds: [siteIds.East as string],
        userId: users[key]?.id as string,
        displayName: `Peer ${key}`,
        role: 'paid_peer',
        status: 'active',
        caseloadCap: 1,
        createdAt: now,
        updatedAt: now,
        ...extra,
      });
      await t.db.insert(dbsChecks).values({
        id: newId(),
        memberId: id,
        organisationId: seeded.organisation.id,
        siteId: siteIds.East as string,
        level: 'enhanced',
        certificateOn: '2025-06-01',
        recordedAt: now,
      });
    }
  });
  afterAll(() => t?.close());

  it('places only the chosen referrals, as well as they can be placed on their own', async () => {
    const bathPolish = await referral('East', { area: 'Bath', language: 'Polish' });
    const frome = await referral('East', { area: 'Frome', language: null });
    const everyone = (await proposals(siteIds.East as string)).json() as BatchProposal;
    const peerOf = (p: BatchProposal, caseId: string) => p.placements.find((x) => x.caseId === caseId);
    // Together, Ana serves the Polish speaker in Bath better, so the Frome referral gets Ben.
    expect(peerOf(everyone, bathPolish)?.userId).toBe(users.ana?.id);
    expect(peerOf(everyone, frome)?.userId).toBe(users.ben?.id);
    const leftAfterUnticking = peerOf(everyone, frome)?.score as number;

    const response = await proposals(siteIds.East as string, { caseIds: [frome] });
    expect(response.statusCode, response.body).toBe(200);
    const chosen = response.json() as BatchProposal;
    expect([...chosen.placements, ...chosen.unplaced].map((p) => p.caseId)).toEqual([frome]);
    // Proposed on its own, Frome gets Ana (who covers it): better than keeping Ben after unticking Bath.
    expect(peerOf(chosen, frome)?.userId).toBe(users.ana?.id);
    expect(chosen.totalScore).toBeGreaterThan(leftAfterUnticking);
    const shortlist = (await call('coordinator', 'GET', `/api/cases/${frome}/matches`)).json() as CaseMatches;
    expect(chosen.totalScore).toBe(shortlist.eligible[0]?.score);
  });

  it('still proposes for every waiting referral when the body is empty', async () => {
    const all = (await proposals(siteIds.East as string)).json() as BatchProposal;
    const empty = await proposals(siteIds.East as string, {});
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual(all);
  });

  it('refuses a referral from another site or one already allocated, naming it and writing nothing', async () => {
    const waiting = await referral('East', { area: null, language: null });
    const elsewhere = await referral('West', { area: null, language: null });
    const taken = await referral('East', { area: null, language: null });
    const allocated = await call('coordinator', 'POST', `/api/cases/${taken}/matches/decision`, {
      userId: users.ben?.id,
      overrideReason: 'Ben knows the family.',
    });
    expect([200, 400]).toContain(allocated.statusCode);
    if (allocated.statusCode === 400) {
      // Ben may be first on the shortlist: confirming him needs no reason.
      const confirmed = await call('coordinator', 'POST', `/api/cases/${taken}/matches/decision`, {
        userId: users.ben?.id,
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    const before = await databaseDigest(t.database);
    for (const [caseIds, field] of [
      [[waiting, elsewhere], 'caseIds.1'],
      [[waiting, taken], 'caseIds.1'],
      [[waiting, waiting], 'caseIds.1'],
      [[], 'caseIds'],
    ] as const) {
      const response = await proposals(siteIds.East as string, { caseIds });
      expect(response.statusCode, response.body).toBe(400);
      const details = response.json().error.details as { field: string; message: string }[];
      expect(details.map((d) => d.field)).toEqual([field]);
      if (caseIds.length > 0 && caseIds[1] !== waiting)
        expect(details[0]?.message).toContain('Choose a referral waiting at this site');
    }
    expect(await databaseDigest(t.database)).toEqual(before);
  });
});
