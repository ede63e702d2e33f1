import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logs with no personal data: a request is logged by its id, method, route pattern
 * (`/api/users/:userId`, never the concrete URL or query string), status and time. Bodies,
 * headers, cookies and error messages are never logged.
 */
export function loggerOptions(
  level: string,
  destination?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    serializers: {
      req: (request: { id?: string; method?: string; routeOptions?: { url?: string } }) => ({
        id: request.id,
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: string }) => ({ type: error.name, code: error.code }),
    },
  } as unknown as FastifyServerOptions['logger'];
}
