import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for every state-changing request, sign-in included:
 * a browser always sends Origin (or Sec-Fetch-Site) on such requests, and it must be ours.
 * Cookies are also SameSite=Lax and bodies must be JSON, which a plain HTML form cannot send.
 */
export function registerOriginCheck(
  app: FastifyInstance,
  { trustedOrigins }: { trustedOrigins: string[] },
): void {
  const trusted = new Set(trustedOrigins.map((o) => new URL(o).origin));
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method)) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const isForeignOrigin = origin !== undefined && (origin === 'null' || !trusted.has(origin));
    const isCrossSite = fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
    if (isForeignOrigin || (origin === undefined && isCrossSite)) {
      throw new AppError('origin_not_allowed', 403, 'This request did not come from Peerpath itself.');
    }
  });
}
