import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Permission, permissions, roles } from '../../src/contract/roles.ts';
import { rolePermissions } from '../../src/server/access/role-permissions.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

type Operation = {
  'x-permission'?: Permission;
  'x-public'?: boolean;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type OpenApiDocument = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
};

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let operations: { key: string; operation: Operation }[];

  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
    operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => httpMethods.has(method))
        .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => t?.close());

  it('is served without signing in, as JSON', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(t.app.routeDeclarations.get('GET /api/openapi.json')).toEqual({ isPublic: true });
  });

  it('is OpenAPI 3.1.0', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
  });

  it('marks every operation with either x-permission or x-public, never both', () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const { key, operation } of operations) {
      const hasPermission = operation['x-permission'] !== undefined;
      const isPublic = operation['x-public'] === true;
      expect(hasPermission !== isPublic, `${key} must carry exactly one of x-permission and x-public`).toBe(
        true,
      );
      if (hasPermission) expect(permissions, key).toContain(operation['x-permission']);
    }
  });

  it('states the same permission, or publicness, as the route declarations', () => {
    for (const { key, operation } of operations) {
      const declaration = t.app.routeDeclarations.get(key);
      expect(declaration, `${key} is documented but not declared`).toBeDefined();
      if (declaration?.isPublic) expect(operation['x-public'], key).toBe(true);
      else expect(operation['x-permission'], key).toBe(declaration?.permission);
    }
  });

  it('documents every declared API operation (none hidden), apart from HEAD and the documentation itself', () => {
    const documented = new Set(operations.map((o) => o.key));
    const undocumented = [...t.app.routeDeclarations.keys()].filter(
      (key) =>
        !key.startsWith('HEAD ') &&
        !key.includes(' /api/docs') &&
        key !== 'GET /api/openapi.json' &&
        !documented.has(key),
    );
    expect(undocumented).toEqual([]);
  });

  it('documents a 401 response, with a schema, and the session security scheme on every non-public operation', () => {
    for (const { key, operation } of operations.filter((o) => !o.operation['x-public'])) {
      const unauthorised = operation.responses?.['401'];
      expect(unauthorised, `${key} has no 401 response`).toBeDefined();
      expect(unauthorised?.content?.['application/json']?.schema, `${key} 401 has no schema`).toBeDefined();
      expect(operation.security, key).toEqual([{ session: [] }]);
    }
  });

  it('documents a 403 response wherever some role lacks the permission the operation needs', () => {
    for (const { key, operation } of operations) {
      const permission = operation['x-permission'];
      if (!permission || roles.every((role) => rolePermissions[role].includes(permission))) continue;
      expect(operation.responses?.['403'], `${key} needs ${permission} but documents no 403`).toBeDefined();
    }
  });

  it('documents a success response with a schema for every operation', () => {
    for (const { key, operation } of operations) {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      expect(success.length, `${key} documents no 2xx`).toBeGreaterThan(0);
      for (const [status, response] of success)
        expect(response.content?.['application/json']?.schema, `${key} ${status}`).toBeDefined();
    }
  });

  it('documents an optional body as not required, and every other body as required', () => {
    const bodies = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const)
        .filter(([, op]) => 'requestBody' in op)
        .map(([key, op]) => [key, (op as { requestBody: { required: boolean } }).requestBody.required]),
    );
    const optional = bodies.filter(([, required]) => !required).map(([key]) => key);
    expect(optional).toEqual(['POST /api/sites/{siteId}/matching/proposals']);
    expect(bodies.length).toBeGreaterThan(10);
  });

  it('keeps case search text out of URLs: no search parameter on GET /api/cases, a body on POST /api/cases/search', () => {
    const list = document.paths['/api/cases']?.get as { parameters?: { name: string }[] } | undefined;
    expect(list?.parameters?.map((p) => p.name)).not.toContain('search');
    const search = document.paths['/api/cases/search']?.post as
      | (Operation & { requestBody?: { content: Record<string, { schema: { properties?: object } }> } })
      | undefined;
    expect(search?.['x-permission']).toBe('cases:read');
    expect(Object.keys(search?.requestBody?.content['application/json']?.schema.properties ?? {})).toContain(
      'search',
    );
  });

  it('serves the interactive documentation at /api/docs without signing in', async () => {
    let response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; hops < 3 && response.statusCode >= 300 && response.statusCode < 400; hops++) {
      response = await t.app.inject({
        method: 'GET',
        url: new URL(String(response.headers.location), 'http://peerpath.test/api/docs').pathname,
      });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
