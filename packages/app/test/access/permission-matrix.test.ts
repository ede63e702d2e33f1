import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/contract/errors.ts';
import { type Permission, type Role, roles } from '../../src/contract/roles.ts';
import { rolePermissions } from '../../src/server/access/role-permissions.ts';
import { userSites, users as usersTable } from '../../src/server/auth/auth.table.ts';
import { cases as casesTable, caseWorkers } from '../../src/server/modules/cases/cases.table.ts';
// Daily check-ins (issue 5)
import {
  checkInAlerts,
  checkInEnrolments,
  checkIns,
} from '../../src/server/modules/check-ins/check-ins.table.ts';
import { fundApplications } from '../../src/server/modules/fund/fund.table.ts';
import { notifications as notificationsTable } from '../../src/server/modules/notifications/notifications.table.ts';
// Outcomes (issue 5)
import {
  surveyInstruments,
  surveyInstrumentVersions,
  surveys as surveysTable,
} from '../../src/server/modules/outcomes/outcomes.table.ts';
import { sites as sitesTable } from '../../src/server/modules/sites/sites.table.ts';
import { impactMaps } from '../../src/server/modules/social-value/social-value.table.ts';
// Peer workforce core (issue 6)
import {
  workforceMembers,
  workforceRoleHistory,
} from '../../src/server/modules/workforce/people/people.table.ts';
import { freshSession } from '../support/fresh-session.ts';
import { isWrite, type RouteCase, routeKey, routeTable, uniqueSuffix } from '../support/route-matrix.ts';
import {
  createTestApp,
  databaseDigest,
  type SeededUser,
  seedOrganisation,
  signIn,
  type TestApp,
  testOrigin,
} from '../support/test-app.ts';

/**
 * The specification the server must meet, written independently of `role-permissions.ts`
 * (which is pinned separately by a snapshot below).
 */
const expectedPermissions: Record<Role, readonly Permission[]> = {
  admin: [
    'own_account',
    'organisation:read',
    'organisation:manage',
    'sites:read',
    'sites:manage',
    'users:read',
    'users:manage',
    'audit:read',
    'reports:read',
    'social_value:read',
    // Daily check-ins (issue 5)
    'sms_outbox:read',
    // Outcomes (issue 5)
    'surveys:manage',
    'outcomes:read',
    // Safeguarding (as a named lead), register, voice (issue 6)
    'safeguarding:read',
    'safeguarding:configure',
    'safeguarding:report',
    'social_capital:read',
    'voice:submit',
    // Peer workforce core (issue 6): reads the workforce, keeps DBS checks
    'workforce:read',
    'safety_checks:manage',
  ],
  coordinator: [
    'own_account',
    'organisation:read',
    'sites:read',
    'users:read',
    'cases:read',
    'cases:write',
    'cases:allocate',
    'contacts:write',
    'contact_notes:read',
    'fund:apply',
    'fund:decide',
    'imports:run',
    'reports:read',
    'exports:mds',
    'exports:pseudonymised',
    'social_value:read',
    'social_value:edit',
    // Daily check-ins (issue 5)
    'check_ins:manage',
    'check_ins:monitor',
    'sms_outbox:read',
    // Outcomes (issue 5)
    'surveys:manage',
    'surveys:administer',
    'outcomes:read',
    // Safeguarding, register, voice (issue 6)
    'safeguarding:raise',
    'safeguarding:read',
    'safeguarding:configure',
    'safeguarding:report',
    'social_capital:read',
    'social_capital:manage',
    'voice:submit',
    'voice:manage',
    // Peer workforce core (issue 6)
    'workforce:read',
    'workforce:manage',
    'workforce:lived_experience',
    'hours:approve',
    'training:manage',
    'supervision:record',
    'safety_checks:manage',
    'access_limits:manage',
  ],
  peer_supporter: [
    'own_account',
    'organisation:read',
    'sites:read',
    'cases:read',
    'cases:write',
    'contacts:write',
    'contact_notes:read',
    'fund:apply',
    // Daily check-ins (issue 5)
    'check_ins:manage',
    // Outcomes (issue 5)
    'surveys:administer',
    // Safeguarding, register, voice (issue 6)
    'safeguarding:raise',
    'safeguarding:read',
    'social_capital:read',
    'voice:submit',
    // Peer workforce core (issue 6): own hours, own supervision (row level)
    'hours:log',
    'supervision:record',
  ],
  volunteer: [
    'own_account',
    'organisation:read',
    'sites:read',
    'cases:read',
    'contacts:write',
    // Daily check-ins (issue 5)
    'check_ins:manage',
    // Outcomes (issue 5)
    'surveys:administer',
    // Safeguarding and voice (issue 6)
    'safeguarding:raise',
    'safeguarding:read',
    'voice:submit',
    // Peer workforce core (issue 6): own hours, own supervision (row level)
    'hours:log',
    'supervision:record',
  ],
  evaluator: [
    'own_account',
    'organisation:read',
    'sites:read',
    'reports:read',
    'exports:pseudonymised',
    'social_value:read',
    'social_value:edit',
    // Outcomes (issue 5)
    'outcomes:read',
    // Voice (issue 6)
    'voice:submit',
  ],
};

type Variant =
  | 'own site'
  | 'another site of the same organisation'
  | 'another organisation'
  | 'a nonexistent id';
const variants: Variant[] = [
  'own site',
  'another site of the same organisation',
  'another organisation',
  'a nonexistent id',
];
type Expectation = { status: number; code?: string };

function expectationFor(route: RouteCase, role: Role, variant: Variant | null): Expectation {
  if (!expectedPermissions[role].includes(route.permission)) return { status: 403, code: 'forbidden' };
  const success = {
    status: route.successStatus,
    ...(route.successErrorCode ? { code: route.successErrorCode } : {}),
  };
  if (route.target === 'none' || variant === 'own site') return success;
  // Outcomes (issue 5): instruments belong to the organisation, not to a site.
  if (route.target === 'instrument' && variant === 'another site of the same organisation') return success;
  // Sessions are only ever one's own: not even an admin may end another person's session here.
  if (
    variant === 'another site of the same organisation' &&
    role === 'admin' &&
    route.target !== 'session' &&
    route.target !== 'notification'
  )
    return success;
  return { status: 404, code: 'not_found' };
}

describe('the permission matrix', () => {
  let t: TestApp;
  let users: Record<string, SeededUser>;
  let siteIds: Record<string, string>;
  let organisationAId: string;
  let otherOrganisationId: string;
  let otherOrganisation: { siteId: string; user: SeededUser };
  const sessions = new Map<Role, () => Promise<string>>();
  const cookieOf = (role: Role) => (sessions.get(role) as () => Promise<string>)();
  const sessionOf = new Map<string, string>();

  const inject = (method: string, url: string, cookie: string | undefined, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(isWrite(method) ? { origin: testOrigin } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  /** The id of the session a Cookie header carries, read through the API itself. */
  async function currentSessionId(cookie: string): Promise<string> {
    const response = await inject('GET', '/api/me/sessions', cookie);
    const current = (response.json().items as { id: string; isCurrent: boolean }[]).find((s) => s.isCurrent);
    if (!current) throw new Error('no current session');
    return current.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const a = await seedOrganisation(t.database, {
      name: 'Matrix A',
      sites: ['North', 'South'],
      users: [
        ...roles.map((role) => ({ key: role, role, sites: ['North'] })),
        { key: 'targetNorth', role: 'volunteer' as const, sites: ['North'] },
        { key: 'targetSouth', role: 'volunteer' as const, sites: ['South'] },
        { key: 'sessionHolderSouth', role: 'peer_supporter' as const, sites: ['South'] },
      ],
    });
    const b = await seedOrganisation(t.database, {
      name: 'Matrix B',
      sites: ['Central'],
      users: [{ key: 'targetB', role: 'volunteer', sites: ['Central'] }],
    });
    users = a.users;
    siteIds = a.siteIds;
    organisationAId = a.organisation.id;
    otherOrganisationId = b.organisation.id;
    otherOrganisation = { siteId: b.siteIds.Central as string, user: b.users.targetB as SeededUser };
    for (const role of roles) sessions.set(role, freshSession(t.app, (users[role] as SeededUser).email));
    sessionOf.set(
      'south',
      await currentSessionId(await signIn(t.app, (users.sessionHolderSouth as SeededUser).email)),
    );
    sessionOf.set('b', await currentSessionId(await signIn(t.app, otherOrganisation.user.email)));
  });
  afterAll(() => t?.close());

  const user = (key: string) => users[key] as SeededUser;

  async function targetId(route: RouteCase, role: Role, variant: Variant): Promise<string> {
    if (variant === 'a nonexistent id') return randomUUID();
    switch (route.target) {
      case 'user':
        return variant === 'own site'
          ? user('targetNorth').id
          : variant === 'another organisation'
            ? otherOrganisation.user.id
            : user('targetSouth').id;
      case 'site':
        return variant === 'own site'
          ? (siteIds.North as string)
          : variant === 'another organisation'
            ? otherOrganisation.siteId
            : (siteIds.South as string);
      case 'session':
        if (variant === 'own site') return currentSessionId(await signIn(t.app, user(role).email)); // the caller's own second session
        return (variant === 'another organisation' ? sessionOf.get('b') : sessionOf.get('south')) as string;
      case 'case':
        return (await newCaseFor(role, variant)).caseId;
      case 'pending_fund_application':
      case 'approved_fund_application':
        return newFundApplicationFor(role, variant, route.target === 'approved_fund_application');
      case 'impact_map':
        return newImpactMapAt(variant);
      // Outcomes (issue 5)
      case 'instrument':
        return (await newInstrumentOf(variant)).instrumentId;
      case 'survey':
        return newSurveyFor(role, variant);
      // Daily check-ins (issue 5)
      case 'check_in_alert':
        return newCheckInAlertFor(role, variant);
      // Peer workforce core (issue 6)
      case 'workforce_member':
        return newWorkforceMemberFor(role, variant);
      case 'notification':
        return newNotificationFor(
          variant === 'own site'
            ? user(role).id
            : variant === 'another organisation'
              ? otherOrganisation.user.id
              : user('targetSouth').id,
        );
      default:
        return randomUUID();
    }
  }

  /** Where a variant's record lives: organisation and site. */
  const placeOf = (variant: Variant) =>
    variant === 'another organisation'
      ? { organisationId: otherOrganisationId, siteId: otherOrganisation.siteId }
      : {
          organisationId: organisationAId,
          siteId: (variant === 'own site' ? siteIds.North : siteIds.South) as string,
        };

  /** A fresh referral; at the caller's own site the caller leads it (peers see only their caseload). */
  async function newCaseFor(role: Role, variant: Variant) {
    const place = placeOf(variant);
    const now = new Date();
    const caseId = randomUUID();
    await t.db.insert(casesTable).values({
      id: caseId,
      ...place,
      localCaseId: `MX-${uniqueSuffix()}`,
      referralSource: 'court',
      referredOn: '2026-01-05',
      createdAt: now,
      updatedAt: now,
    });
    if (variant === 'own site')
      await t.db
        .insert(caseWorkers)
        .values({ caseId, userId: user(role).id, ...place, role: 'lead', assignedAt: now });
    return { caseId, ...place };
  }

  async function newFundApplicationFor(role: Role, variant: Variant, isApproved: boolean) {
    const { caseId, ...place } = await newCaseFor(role, variant);
    const id = randomUUID();
    const now = new Date(Date.now() - 60_000);
    await t.db.insert(fundApplications).values({
      id,
      caseId,
      ...place,
      category: 'rent',
      amountPence: 10_000,
      reason: 'Rent in advance',
      appliedAt: now,
      ...(isApproved ? { status: 'approved', decidedAt: now } : {}),
    });
    return id;
  }

  /** A fresh impact map (version 1, no content) at the variant's site. */
  async function newImpactMapAt(variant: Variant) {
    const id = randomUUID();
    const now = new Date();
    await t.db.insert(impactMaps).values({
      id,
      ...placeOf(variant),
      title: 'Matrix map',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      priceYear: 2024,
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  /** Daily check-ins (issue 5): a red alert on a fresh enrolled case. */
  /** Peer workforce (issue 6): a fresh person at the variant's site, supervised by the caller at their own site. */
  async function newWorkforceMemberFor(role: Role, variant: Variant) {
    const place = placeOf(variant);
    const id = randomUUID();
    const now = new Date();
    await t.db.insert(workforceMembers).values({
      id,
      ...place,
      siteIds: [place.siteId],
      displayName: `Matrix ${uniqueSuffix()}`,
      role: 'new_volunteer',
      status: 'active',
      supervisorUserId: variant === 'own site' ? user(role).id : null,
      createdAt: now,
      updatedAt: now,
    });
    await t.db.insert(workforceRoleHistory).values({
      id: randomUUID(),
      memberId: id,
      ...place,
      role: 'new_volunteer',
      startedOn: '2025-01-01',
      recordedAt: now,
    });
    return id;
  }

  async function newCheckInAlertFor(role: Role, variant: Variant) {
    const { caseId, ...place } = await newCaseFor(role, variant);
    const now = new Date(Date.now() - 60_000);
    const enrolmentId = randomUUID();
    const checkInId = randomUUID();
    const alertId = randomUUID();
    await t.db.insert(checkInEnrolments).values({
      id: enrolmentId,
      caseId,
      ...place,
      phone: '07700 900123',
      phoneKey: '447700900123',
      times: ['09:00'],
      encouragement: 'Keep going.',
      consentStatement: 'Agreed to daily texts.',
      consentRecordedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await t.db.insert(checkIns).values({
      id: checkInId,
      caseId,
      enrolmentId,
      ...place,
      scheduledFor: now,
      sentAt: now,
      tokenHash: randomUUID(),
      expiresAt: new Date(now.getTime() + 86_400_000),
      answer: 'red',
      answeredAt: now,
      answeredVia: 'link',
    });
    await t.db.insert(checkInAlerts).values({
      id: alertId,
      caseId,
      checkInId,
      ...place,
      kind: 'red',
      reason: 'red',
      raisedAt: now,
      notifyAt: now,
      dueBy: new Date(now.getTime() + 15 * 60_000),
    });
    return alertId;
  }

  /** Outcomes (issue 5): a fresh instrument of the variant's organisation, version 1 a draft unless published. */
  async function newInstrumentOf(variant: Variant, status: 'draft' | 'published' = 'draft') {
    const { organisationId } = placeOf(variant);
    const instrumentId = randomUUID();
    const versionId = randomUUID();
    const now = new Date();
    await t.db
      .insert(surveyInstruments)
      .values({ id: instrumentId, organisationId, name: 'Matrix instrument', createdAt: now });
    await t.db.insert(surveyInstrumentVersions).values({
      id: versionId,
      instrumentId,
      organisationId,
      version: 1,
      status,
      content: {
        name: 'Matrix instrument',
        introduction: '',
        citation: '',
        items: [{ type: 'yes_no', key: 'agree', text: 'Agree?', help: '', isRequired: false }],
      },
      createdAt: now,
      ...(status === 'published' ? { publishedAt: now } : {}),
    });
    return { instrumentId, versionId };
  }

  /** Outcomes (issue 5): a fresh interviewer survey on a fresh case. */
  async function newSurveyFor(role: Role, variant: Variant) {
    const { caseId, ...place } = await newCaseFor(role, variant);
    const { instrumentId, versionId } = await newInstrumentOf(variant, 'published');
    const id = randomUUID();
    const now = new Date();
    await t.db.insert(surveysTable).values({
      id,
      ...place,
      caseId,
      instrumentId,
      instrumentVersionId: versionId,
      wave: 'baseline',
      mode: 'interviewer',
      invitedOn: '2026-01-10',
      invitedAt: now,
      updatedAt: now,
    });
    return id;
  }

  async function newNotificationFor(userId: string) {
    const id = randomUUID();
    const [owner] = await t.db
      .select({ organisationId: usersTable.organisationId })
      .from(usersTable)
      .where(eq(usersTable.id, userId));
    await t.db.insert(notificationsTable).values({
      id,
      organisationId: owner?.organisationId as string,
      userId,
      kind: 'test',
      message: 'A test message',
      createdAt: new Date(),
    });
    return id;
  }

  async function call(route: RouteCase, role: Role, id: string): Promise<LightMyRequestResponse> {
    const cookie = route.endsCallerSession ? await signIn(t.app, user(role).email) : await cookieOf(role);
    const body = route.body?.({
      unique: uniqueSuffix,
      ownSiteId: siteIds.North as string,
      ownUserId: user(role).id,
    });
    return inject(route.method, route.url(id), cookie, body);
  }

  function describeExpectations(route: RouteCase, role: Role): string {
    const cases =
      route.target === 'none'
        ? [expectationFor(route, role, null)]
        : variants.map((v) => expectationFor(route, role, v));
    const statuses = [...new Set(cases.map((c) => c.status))];
    if (statuses.length === 1)
      return route.target === 'none'
        ? `answers ${statuses[0]}`
        : `answers ${statuses[0]} whatever the target`;
    return `answers ${variants.map((v, i) => `${cases[i]?.status} for ${v}`).join(', ')}`;
  }

  for (const role of roles) {
    describe(`signed in as ${role}`, () => {
      for (const route of routeTable) {
        it(`${routeKey(route)} ${describeExpectations(route, role)}`, async () => {
          const runs: { variant: Variant | null; expected: Expectation; response: LightMyRequestResponse }[] =
            [];
          for (const variant of route.target === 'none' ? [null] : variants) {
            const expected = expectationFor(route, role, variant);
            const isDenial = expected.status === 403 || expected.status === 404;
            // The target is made first, so the digest sees only what the request itself changes.
            const id = variant ? await targetId(route, role, variant) : randomUUID();
            const before = isWrite(route.method) && isDenial ? await databaseDigest(t.database) : undefined;
            const response = await call(route, role, id);
            const label = `${role} ${routeKey(route)} on ${variant ?? 'no target'}: ${response.body}`;
            expect(response.statusCode, label).toBe(expected.status);
            if (route.method !== 'HEAD' && expected.code) {
              expect(errorResponse.parse(response.json()).error.code, label).toBe(expected.code);
            }
            if (before)
              expect(await databaseDigest(t.database), `${label} changed the database`).toEqual(before);
            runs.push({ variant, expected, response });
          }
          // A record out of scope must be indistinguishable from a record that does not exist.
          const missing = runs.find((r) => r.variant === 'a nonexistent id');
          for (const run of runs.filter((r) => r.expected.status === 404 && r !== missing)) {
            if (route.method === 'HEAD')
              expect(run.response.headers['content-length']).toBe(
                missing?.response.headers['content-length'],
              );
            else
              expect(run.response.json(), `${run.variant} vs a nonexistent id`).toEqual(
                missing?.response.json(),
              );
          }
        });
      }
    });
  }

  describe('lists are scoped too', () => {
    /** Ids of the users working at one of the given sites, read straight from the database. */
    const usersAt = async (siteIdList: string[]) =>
      [
        ...new Set(
          (
            await t.db
              .select({ id: userSites.userId })
              .from(userSites)
              .where(inArray(userSites.siteId, siteIdList))
          ).map((r) => r.id),
        ),
      ].sort();
    const sitesOf = async (organisationId: string) =>
      (
        await t.db
          .select({ id: sitesTable.id })
          .from(sitesTable)
          .where(eq(sitesTable.organisationId, organisationId))
      )
        .map((r) => r.id)
        .sort();

    it('shows an admin every user of its organisation, at every site, and no one else', async () => {
      const response = await inject('GET', '/api/users?limit=200', await cookieOf('admin'));
      const ids = (response.json().items as { id: string }[]).map((u) => u.id).sort();
      const organisationA = await t.db
        .select({ id: usersTable.id })
        .from(usersTable)
        .where(eq(usersTable.organisationId, organisationAId));
      expect(ids).toContain(user('targetSouth').id);
      expect(ids).not.toContain(otherOrganisation.user.id);
      expect(ids).toEqual(organisationA.map((u) => u.id).sort());
    });

    it('shows a coordinator only the users of its own site', async () => {
      const response = await inject('GET', '/api/users?limit=200', await cookieOf('coordinator'));
      const ids = (response.json().items as { id: string }[]).map((u) => u.id).sort();
      expect(ids).toEqual(await usersAt([siteIds.North as string]));
      expect(ids).not.toContain(user('targetSouth').id);
      expect(ids).not.toContain(otherOrganisation.user.id);
      // Asking for the other site's users by filter does not widen the scope.
      const filtered = await inject(
        'GET',
        `/api/users?siteId=${siteIds.South}`,
        await cookieOf('coordinator'),
      );
      expect(filtered.json()).toEqual({ items: [], total: 0 });
      const otherOrg = await inject(
        'GET',
        `/api/users?siteId=${otherOrganisation.siteId}`,
        await cookieOf('admin'),
      );
      expect(otherOrg.json()).toEqual({ items: [], total: 0 });
    });

    it.each(roles)('shows a %s only the sites in its scope', async (role) => {
      const response = await inject('GET', '/api/sites', await cookieOf(role));
      const ids = (response.json().items as { id: string }[]).map((s) => s.id).sort();
      expect(ids).toEqual(role === 'admin' ? await sitesOf(organisationAId) : [siteIds.North]);
      expect(ids).not.toContain(otherOrganisation.siteId);
    });

    it('refuses to let an admin put a person at another organisation’s site, and changes nothing', async () => {
      const before = await databaseDigest(t.database);
      const create = await inject('POST', '/api/users', await cookieOf('admin'), {
        name: 'Misplaced',
        email: `misplaced.${uniqueSuffix()}@peerpath.test`,
        role: 'volunteer',
        siteIds: [otherOrganisation.siteId],
        password: 'a-long-enough-password',
      });
      expect(create.statusCode).toBe(400);
      const move = await inject('PATCH', `/api/users/${user('targetNorth').id}`, await cookieOf('admin'), {
        siteIds: [otherOrganisation.siteId],
      });
      expect(move.statusCode).toBe(400);
      expect(await databaseDigest(t.database)).toEqual(before);
    });
  });

  it('answers 401 unauthenticated without a cookie on every non-public route, and changes nothing', async () => {
    for (const route of routeTable) {
      const before = await databaseDigest(t.database);
      const body = route.body?.({
        unique: uniqueSuffix,
        ownSiteId: siteIds.North as string,
        ownUserId: user('targetNorth').id,
      });
      const response = await inject(route.method, route.url(user('targetNorth').id), undefined, body);
      expect(response.statusCode, routeKey(route)).toBe(401);
      if (route.method !== 'HEAD')
        expect(errorResponse.parse(response.json()).error.code, routeKey(route)).toBe('unauthenticated');
      expect(await databaseDigest(t.database), routeKey(route)).toEqual(before);
    }
  });

  it('answers 401 to a cookie that names no session', async () => {
    const response = await inject(
      'GET',
      '/api/me',
      'peerpath.session_token=forged.value; __Secure-peerpath.session_token=forged.value',
    );
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('covers exactly the routes the app declares, each with the permission the app declares', () => {
    const declared = [...t.app.routeDeclarations].filter(
      ([key, d]) => !d.isPublic && key.split(' ')[1]?.startsWith('/api/'),
    );
    const table = new Map(routeTable.map((r) => [routeKey(r), r.permission]));
    expect(declared.length).toBeGreaterThan(0);
    for (const [key, declaration] of declared) {
      expect(
        table.has(key),
        `${key} is declared by the app but missing from test/support/route-matrix.ts`,
      ).toBe(true);
      expect(table.get(key), key).toBe(declaration.permission);
    }
    const declaredKeys = new Set(declared.map(([key]) => key));
    for (const key of table.keys())
      expect(declaredKeys.has(key), `${key} is in the table but the app does not declare it`).toBe(true);
    expect(table.size).toBe(declared.length);
  });

  it('keeps every route declaration as it was reviewed (snapshot)', () => {
    expect(Object.fromEntries([...t.app.routeDeclarations].sort())).toMatchSnapshot();
  });

  it('keeps the role → permission matrix as it was reviewed (snapshot), and as this test specifies it', () => {
    expect(rolePermissions).toMatchSnapshot();
    for (const role of roles)
      expect([...rolePermissions[role]].sort(), role).toEqual([...expectedPermissions[role]].sort());
  });
});
