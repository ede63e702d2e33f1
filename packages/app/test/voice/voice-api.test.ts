import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceItem } from '../../src/contract/voice.ts';
import type { Clock } from '../../src/server/clock.ts';
import { voiceStatusProblem } from '../../src/server/modules/voice/voice.rules.ts';
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

describe('peer and service-user voice', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  const cookies: Record<string, string> = {};
  const call = apiCaller(() => t.app, cookies);
  const submit = async (who: string, extra: object = {}) => {
    const response = await call(who, 'POST', '/api/voice', {
      siteId: siteIds.North,
      kind: 'idea',
      title: 'Evening drop-in',
      body: 'Many of us work days; an evening drop-in would help.',
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as VoiceItem;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const seeded = await seedOrganisation(t.database, {
      name: 'Voice',
      sites: ['North', 'South'],
      users: [
        { key: 'coordinator', role: 'coordinator', sites: ['North'] },
        { key: 'coordinatorSouth', role: 'coordinator', sites: ['South'] },
        { key: 'volunteer', role: 'volunteer', sites: ['North'] },
        { key: 'peer', role: 'peer_supporter', sites: ['North'] },
        { key: 'evaluator', role: 'evaluator', sites: ['North'] },
      ],
    });
    users = seeded.users;
    siteIds = seeded.siteIds;
    for (const [key, user] of Object.entries(users)) cookies[key] = await signIn(t.app, user.email);
  });
  afterAll(() => t?.close());

  it('lets anyone signed in put forward an idea, which starts open', async () => {
    for (const who of ['volunteer', 'peer', 'evaluator']) {
      const item = await submit(who);
      expect(item).toMatchObject({ status: 'open', isMine: true, outcome: null });
    }
  });

  it('shows people their own items, and the coordinator every item at their sites', async () => {
    const mine = await submit('volunteer', { title: 'Only mine' });
    const peerList = (await call('peer', 'GET', '/api/voice')).json().items as VoiceItem[];
    expect(peerList.map((i) => i.id)).not.toContain(mine.id);
    const coordinatorList = (await call('coordinator', 'GET', '/api/voice')).json().items as VoiceItem[];
    expect(coordinatorList.map((i) => i.id)).toContain(mine.id);
    const south = (await call('coordinatorSouth', 'GET', '/api/voice')).json().items as VoiceItem[];
    expect(south.map((i) => i.id)).not.toContain(mine.id);
  });

  it('hides who put an item forward anonymously from those who manage it', async () => {
    const item = await submit('volunteer', {
      kind: 'concern',
      title: 'Supervision too rushed',
      isAnonymous: true,
    });
    const seen = ((await call('coordinator', 'GET', '/api/voice')).json().items as VoiceItem[]).find(
      (i) => i.id === item.id,
    );
    expect(seen?.submittedBy).toBeNull();
  });

  it('needs what changed to mark an item acted upon, and changes nothing without it', async () => {
    const item = await submit('volunteer');
    const before = await databaseDigest(t.database);
    const bare = await call('coordinator', 'POST', `/api/voice/${item.id}/status`, { status: 'acted_upon' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0].field).toBe('outcome');
    expect(await databaseDigest(t.database)).toEqual(before);
    const done = await call('coordinator', 'POST', `/api/voice/${item.id}/status`, {
      status: 'acted_upon',
      outcome: 'Thursday drop-in now runs until 8 pm.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'acted_upon',
      outcome: 'Thursday drop-in now runs until 8 pm.',
    });
    const report = await call('volunteer', 'GET', '/api/voice/report');
    expect(report.statusCode).toBe(200);
    expect(report.json().actedUpon).toContainEqual(
      expect.objectContaining({
        id: item.id,
        outcome: 'Thursday drop-in now runs until 8 pm.',
        decidedOn: '2026-03-02',
      }),
    );
    expect(report.json().byStatus.acted_upon).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(report.json())).not.toContain(users.volunteer?.id as string);
  });

  it('lets only coordinators decide, and never at another site (404)', async () => {
    const item = await submit('volunteer');
    expect(
      (await call('peer', 'POST', `/api/voice/${item.id}/status`, { status: 'under_review' })).statusCode,
    ).toBe(403);
    expect(
      (await call('coordinatorSouth', 'POST', `/api/voice/${item.id}/status`, { status: 'under_review' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses an item for a site the person does not work at', async () => {
    const response = await call('volunteer', 'POST', '/api/voice', {
      siteId: siteIds.South,
      kind: 'idea',
      title: 'x',
      body: 'y',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('siteId');
  });
});

describe('voice statuses', () => {
  it('asks why when an item is not taken forward, and lets decided items only go back to review', () => {
    expect(voiceStatusProblem('open', 'not_taken_forward', undefined)?.field).toBe('outcome');
    expect(voiceStatusProblem('under_review', 'not_taken_forward', 'No budget this year')).toBeNull();
    expect(voiceStatusProblem('acted_upon', 'open', undefined)?.field).toBe('status');
    expect(voiceStatusProblem('acted_upon', 'under_review', undefined)).toBeNull();
  });
});
