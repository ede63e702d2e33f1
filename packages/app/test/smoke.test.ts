import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedOrganisation, signIn, type TestApp } from './support/test-app.ts';

describe('a signed-in peer supporter', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { users } = await seedOrganisation(t.database, {
      name: 'Org A',
      sites: ['North'],
      users: [{ key: 'peer', role: 'peer_supporter', sites: ['North'] }],
    });
    cookie = await signIn(t.app, users.peer?.email ?? '');
  });
  afterAll(() => t.close());

  it('sees themself at /api/me with their permissions', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.role).toBe('peer_supporter');
    expect(response.json().permissions).not.toContain('users:read');
  });
});
