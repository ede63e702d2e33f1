import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../src/contract/social-capital.ts';
import type { Clock } from '../../src/server/clock.ts';
import { newId } from '../../src/server/db/ids.ts';
import { successionCoverage } from '../../src/server/modules/social-capital/social-capital.rules.ts';
import { workforceMembers } from '../../src/server/modules/workforce/people/people.table.ts';
import { apiCaller } from '../support/api-caller.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
} from '../support/test-app.ts';

const clock: Clock = { now: () => new Date('2026-03-02T10:00:00Z') };

describe('the social capital register', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  let organisationId: string;
  const cookies: Record<string, string> = {};
  const members: Record<string, string> = {};
  const call = apiCaller(() => t.app, cookies);
  const ok = async (response: Awaited<ReturnType<typeof call>>, status = 201) => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Register',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    organisationId = seeded.organisation.id;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
    for (const name of ['Asha', 'Ben', 'Cleo']) {
      const id = newId();
      members[name] = id;
      await t.db.insert(workforceMembers).values({
        id,
        organisationId,
        siteId: siteIds.North as string,
        siteIds: [siteIds.North as string],
        displayName: name,
        role: 'paid_peer',
        status: 'active',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
    }
  });
  afterAll(() => t?.close());

  it('flags a relationship held by one worker as a succession risk, and measures the site’s coverage', async () => {
    const housing = await ok(
      await call('coordinator', 'POST', '/api/social-capital/partners', {
        siteId: siteIds.North,
        name: 'Riverside Housing',
        kind: 'housing',
      }),
    );
    const officer = await ok(
      await call('coordinator', 'POST', `/api/social-capital/partners/${housing.id}/contacts`, {
        name: 'Pat Officer',
        jobTitle: 'Tenancy officer',
      }),
    );
    const manager = await ok(
      await call('coordinator', 'POST', `/api/social-capital/partners/${housing.id}/contacts`, {
        name: 'Lee Manager',
      }),
    );
    await ok(
      await call('coordinator', 'POST', `/api/social-capital/contacts/${officer.id}/holders`, {
        memberId: members.Asha,
        strength: 'strong',
        lastInteractionOn: '2026-02-20',
      }),
    );
    await ok(
      await call('coordinator', 'POST', `/api/social-capital/contacts/${manager.id}/holders`, {
        memberId: members.Asha,
        strength: 'moderate',
      }),
    );
    await ok(
      await call('coordinator', 'POST', `/api/social-capital/contacts/${manager.id}/holders`, {
        memberId: members.Ben,
        strength: 'weak',
      }),
    );
    const register = await ok(await call('peer', 'GET', '/api/social-capital/partners'), 200);
    const contacts = (register.items as Partner[])[0]?.contacts ?? [];
    expect(contacts.map((c) => [c.name, c.isSuccessionRisk])).toEqual([
      ['Lee Manager', false],
      ['Pat Officer', true],
    ]);
    const cover = await ok(
      await call('coordinator', 'GET', `/api/social-capital/coverage?siteId=${siteIds.North}`),
      200,
    );
    expect(cover).toMatchObject({ contacts: 2, heldByTwoOrMore: 1, heldByOne: 1, lost: 0, coverage: 0.5 });
  });

  it('hands over every relationship of someone leaving: passed on or lost, never left out', async () => {
    const handover = await ok(
      await call('coordinator', 'GET', `/api/social-capital/members/${members.Asha}/handover`),
      200,
    );
    expect(handover.relationships).toHaveLength(2);
    expect(
      handover.relationships.map((r: { contactName: string; otherHolders: number }) => [
        r.contactName,
        r.otherHolders,
      ]),
    ).toEqual([
      ['Lee Manager', 1],
      ['Pat Officer', 0],
    ]);
    const [first, second] = handover.relationships as { holderId: string; contactName: string }[];
    const before = await databaseDigest(t.database);
    const partial = await call(
      'coordinator',
      'POST',
      `/api/social-capital/members/${members.Asha}/handover`,
      {
        items: [{ holderId: first?.holderId, action: 'pass_on', toMemberId: members.Cleo }],
      },
    );
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.details.map((d: { field: string }) => d.field)).toContain('items');
    expect(await databaseDigest(t.database)).toEqual(before);
    const done = await call('coordinator', 'POST', `/api/social-capital/members/${members.Asha}/handover`, {
      items: [
        { holderId: first?.holderId, action: 'pass_on', toMemberId: members.Cleo },
        { holderId: second?.holderId, action: 'lost', note: 'Moved to another authority' },
      ],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ passedOn: 1, lost: 1 });
    const after = await ok(
      await call('coordinator', 'GET', `/api/social-capital/members/${members.Asha}/handover`),
      200,
    );
    expect(after.relationships).toEqual([]);
  });

  it('keeps another site’s register out of reach (404) and the register from evaluators (403)', async () => {
    const register = await ok(await call('coordinatorSouth', 'GET', '/api/social-capital/partners'), 200);
    expect(register.items).toEqual([]);
    const north = await ok(await call('coordinator', 'GET', '/api/social-capital/partners'), 200);
    const partnerId = (north.items as Partner[])[0]?.id;
    const foreign = await call(
      'coordinatorSouth',
      'POST',
      `/api/social-capital/partners/${partnerId}/contacts`,
      {
        name: 'Someone',
      },
    );
    expect(foreign.statusCode).toBe(404);
    expect((await call('evaluator', 'GET', '/api/social-capital/partners')).statusCode).toBe(403);
    expect(
      (
        await call('peer', 'POST', '/api/social-capital/partners', {
          siteId: siteIds.North,
          name: 'x',
          kind: 'other',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a holder who does not work at the partner’s site, naming the field', async () => {
    const north = await ok(await call('coordinator', 'GET', '/api/social-capital/partners'), 200);
    const contactId = (north.items as Partner[])[0]?.contacts[0]?.id;
    const response = await call('coordinator', 'POST', `/api/social-capital/contacts/${contactId}/holders`, {
      memberId: newId(),
      strength: 'weak',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('memberId');
  });

  it('takes one worker off a relationship, keeping the others, and coverage counts only those left', async () => {
    const partner = await ok(
      await call('coordinator', 'POST', '/api/social-capital/partners', {
        siteId: siteIds.North,
        name: 'Hillside Recovery',
        kind: 'substance_use_service',
      }),
    );
    const keyworker = await ok(
      await call('coordinator', 'POST', `/api/social-capital/partners/${partner.id}/contacts`, {
        name: 'Sam Keyworker',
      }),
    );
    const before = await ok(
      await call('coordinator', 'GET', `/api/social-capital/coverage?siteId=${siteIds.North}`),
      200,
    );
    const bens = await ok(
      await call('coordinator', 'POST', `/api/social-capital/contacts/${keyworker.id}/holders`, {
        memberId: members.Ben,
        strength: 'weak',
      }),
    );
    await ok(
      await call('coordinator', 'POST', `/api/social-capital/contacts/${keyworker.id}/holders`, {
        memberId: members.Cleo,
        strength: 'strong',
      }),
    );
    const shared = await ok(
      await call('coordinator', 'GET', `/api/social-capital/coverage?siteId=${siteIds.North}`),
      200,
    );
    expect(shared.heldByTwoOrMore).toBe(before.heldByTwoOrMore + 1);

    const noReason = await call('coordinator', 'POST', `/api/social-capital/holders/${bens.id}/end`, {
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await call('coordinatorSouth', 'POST', `/api/social-capital/holders/${bens.id}/end`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('peer', 'POST', `/api/social-capital/holders/${bens.id}/end`, { reason: 'x' })).statusCode,
    ).toBe(403);
    await ok(
      await call('coordinator', 'POST', `/api/social-capital/holders/${bens.id}/end`, {
        reason: 'Added by mistake',
      }),
      200,
    );
    const register = await ok(await call('coordinator', 'GET', '/api/social-capital/partners'), 200);
    const contact = (register.items as Partner[])
      .flatMap((p) => p.contacts)
      .find((c) => c.id === keyworker.id);
    expect(contact?.holders.map((h) => h.name)).toEqual(['Cleo']);
    expect(contact?.isSuccessionRisk).toBe(true);
    const after = await ok(
      await call('coordinator', 'GET', `/api/social-capital/coverage?siteId=${siteIds.North}`),
      200,
    );
    // `before` already counted the new contact, as held by nobody.
    expect(after).toMatchObject({
      contacts: before.contacts,
      heldByTwoOrMore: before.heldByTwoOrMore,
      heldByOne: before.heldByOne + 1,
      lost: before.lost - 1,
    });
    const again = await call('coordinator', 'POST', `/api/social-capital/holders/${bens.id}/end`, {
      reason: 'Twice',
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('succession coverage', () => {
  it('is the share of relationships held by two or more, and nothing when there are none', () => {
    expect(successionCoverage([])).toMatchObject({ coverage: null });
    expect(
      successionCoverage([
        { activeHolders: 0 },
        { activeHolders: 1 },
        { activeHolders: 2 },
        { activeHolders: 3 },
      ]),
    ).toEqual({ contacts: 4, heldByTwoOrMore: 2, heldByOne: 1, lost: 1, coverage: 0.5 });
  });
});
