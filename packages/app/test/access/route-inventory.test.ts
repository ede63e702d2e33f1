import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteDeclarationError } from '../../src/server/access/route-config.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { testAuthSecret, testOrigin } from '../support/test-app.ts';

describe('the route inventory (default deny)', () => {
  let database: Database;
  beforeAll(async () => {
    // Building the app never touches the database, so an unmigrated in-memory one is enough.
    database = await openDatabase({});
  });
  afterAll(() => database?.close());

  const build = (extraRoutes: (app: FastifyInstance) => void) =>
    buildApp({
      database,
      authSecret: testAuthSecret,
      publicUrl: testOrigin,
      logLevel: 'silent',
      extraRoutes,
    });

  it('refuses to build an app with a route that declares neither a permission nor isPublic, naming the route', async () => {
    const attempt = build((app) => {
      app.get('/api/undeclared', async () => ({}));
    });
    await expect(attempt).rejects.toBeInstanceOf(RouteDeclarationError);
    await expect(attempt).rejects.toThrow(/GET.*\/api\/undeclared/);
  });

  it('refuses a write route that declares nothing, too', async () => {
    const attempt = build((app) => {
      app.post('/api/undeclared-write', { config: { personalData: 'write' } }, async () => ({}));
    });
    await expect(attempt).rejects.toThrow(RouteDeclarationError);
    await expect(attempt).rejects.toThrow(/POST.*\/api\/undeclared-write/);
  });

  it('refuses a route that declares both a permission and isPublic', async () => {
    const attempt = build((app) => {
      app.get('/api/ambiguous', { config: { permission: 'users:read', isPublic: true } }, async () => ({}));
    });
    await expect(attempt).rejects.toBeInstanceOf(RouteDeclarationError);
    await expect(attempt).rejects.toThrow(/\/api\/ambiguous/);
  });

  it('refuses isPublic given as anything but true when no permission is named', async () => {
    const attempt = build((app) => {
      app.get('/api/sort-of-public', { config: { isPublic: 'yes' as unknown as boolean } }, async () => ({}));
    });
    await expect(attempt).rejects.toBeInstanceOf(RouteDeclarationError);
  });

  it('accepts a route that declares a permission, and records it under its OpenAPI key', async () => {
    const app = await build((instance) => {
      instance.get('/api/declared/:thingId', { config: { permission: 'users:read' } }, async () => ({}));
    });
    try {
      expect(app.routeDeclarations.get('GET /api/declared/{thingId}')).toEqual({ permission: 'users:read' });
      const response = await app.inject({ method: 'GET', url: '/api/declared/anything' });
      expect(response.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
