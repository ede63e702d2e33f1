import type { FastifyInstance } from 'fastify';
import { serviceUnavailable } from './app-error.ts';

/**
 * Sheds load instead of collapsing: beyond `maxInFlight` concurrent requests, new ones get
 * 503 with Retry-After at once, so the requests already admitted still finish in good time.
 * Liveness is never shed, so an orchestrator does not restart a merely busy server.
 */
export function registerLoadShedding(app: FastifyInstance, { maxInFlight }: { maxInFlight: number }): void {
  let inFlight = 0;
  const admitted = Symbol('admitted');
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === '/health/live') return;
    if (inFlight >= maxInFlight) throw serviceUnavailable('service_unavailable', 2);
    inFlight++;
    (request as unknown as Record<symbol, boolean>)[admitted] = true;
  });
  const release = async (request: object) => {
    const marks = request as Record<symbol, boolean>;
    if (marks[admitted]) {
      marks[admitted] = false;
      inFlight--;
    }
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
