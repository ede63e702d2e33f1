import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testOrigin } from '../support/test-app.ts';

// Over real sockets (inject has none): a client that hangs up must not keep its in-flight slot,
// or a server that saw enough timeouts would shed every request from then on.
describe('in-flight slots', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({
      maxInFlight: 1,
      extraRoutes: (app) => {
        for (const method of ['GET', 'POST'] as const) {
          app.route({
            method,
            url: '/slow',
            config: { isPublic: true },
            handler: async () => {
              await new Promise((resolve) => setTimeout(resolve, 200));
              return { ok: true };
            },
          });
        }
      },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  const send = (method: 'GET' | 'POST', hangUpAfterMs?: number) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: '/slow',
          headers: { origin: testOrigin, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      if (hangUpAfterMs !== undefined) setTimeout(() => req.destroy(), hangUpAfterMs);
      req.end(method === 'POST' ? JSON.stringify({ a: 1 }) : undefined);
    });

  for (const method of ['GET', 'POST'] as const) {
    it(`frees the slot of a ${method} whose client hung up before the answer`, async () => {
      expect(await send(method, 50)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 400)); // the handler finishes meanwhile
      expect(await send(method)).toBe(200);
    });
  }
});
