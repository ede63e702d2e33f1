import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/clock.ts';
import { newId } from '../../src/server/db/ids.ts';
import { cases } from '../../src/server/modules/cases/cases.table.ts';
import { runCheckIns } from '../../src/server/modules/check-ins/check-ins.job.ts';
import { checkInEnrolments, smsOutbox } from '../../src/server/modules/check-ins/check-ins.table.ts';
import type { GatewayFactory, SmsMessage } from '../../src/server/modules/check-ins/sms-gateway.ts';
import { createTestApp, seedOrganisation, type TestApp, testOrigin } from '../support/test-app.ts';

describe('the SMS gateway is pluggable', () => {
  let t: TestApp;
  const sent: SmsMessage[] = [];
  /** A provider stand-in: it only records what it was asked to send. */
  const capturing: GatewayFactory = () => ({
    async send(to, text, context) {
      sent.push({ to, text, context });
    },
  });
  const clock: Clock = { now: () => new Date('2026-11-13T09:00:00Z') };

  beforeAll(async () => {
    t = await createTestApp({ clock, smsGatewayFactory: capturing });
  });
  afterAll(() => t?.close());

  it('sends check-ins and the STOP confirmation through the gateway it is given, and writes no outbox rows', async () => {
    const { organisation, siteIds } = await seedOrganisation(t.database, {
      name: 'Gateway',
      sites: ['North'],
      users: [],
    });
    const place = { organisationId: organisation.id, siteId: siteIds.North as string };
    const caseId = newId();
    const at = new Date('2026-11-12T09:00:00Z');
    await t.db.insert(cases).values({
      id: caseId,
      ...place,
      localCaseId: 'G-1',
      referralSource: 'court',
      referredOn: '2026-11-01',
      status: 'active',
      createdAt: at,
      updatedAt: at,
    });
    await t.db.insert(checkInEnrolments).values({
      id: newId(),
      ...place,
      caseId,
      phone: '07700 900777',
      phoneKey: '447700900777',
      times: ['09:00'],
      encouragement: 'Keep going.',
      consentStatement: 'Agreed to daily texts.',
      consentRecordedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    await runCheckIns({ db: t.db, clock, publicUrl: testOrigin, gatewayFactory: capturing });
    expect(sent.map((m) => [m.to, m.context.purpose])).toEqual([['07700 900777', 'check_in']]);
    const token = /\/c#([A-Za-z0-9_-]+)/.exec(sent[0]?.text ?? '')?.[1] as string;
    const stop = await t.app.inject({
      method: 'POST',
      url: '/api/check-ins/link/stop',
      headers: { origin: testOrigin },
      payload: { token },
    });
    expect(stop.statusCode).toBe(200);
    expect(sent.map((m) => m.context.purpose)).toEqual(['check_in', 'opted_out']);
    expect(await t.db.select().from(smsOutbox).where(eq(smsOutbox.siteId, place.siteId))).toEqual([]);
  });
});
