import { finished } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { serviceUnavailable } from './app-error.ts';

/**
 * Sheds load instead of collapsing: beyond `maxInFlight` concurrent requests, new ones get
 * 503 with Retry-After at once, so the requests already admitted still finish in good time.
 * Liveness is never shed, so an orchestrator does not restart a merely busy server.
 */
export function registerLoadShedding(app: FastifyInstance, { maxInFlight }: { maxInFlight: number }): void {
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === '/health/live') return;
    if (inFlight >= maxInFlight) throw serviceUnavailable('service_unavailable', 2);
    inFlight++;
    // Released when the response has been sent or the connection has gone, whichever comes first.
    // Fastify's onResponse does not run when a client hangs up after sending its whole body (a PATCH
    // that timed out), nor does onRequestAbort: each such request used to keep its slot for good,
    // until the server shed everything.
    finished(reply.raw, () => {
      inFlight--;
    });
  });
}
