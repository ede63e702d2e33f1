import type { Permission } from '../../contract/roles.ts';
import type { Actor } from './actor.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs. Every route declares this or `isPublic`. */
    permission?: Permission;
    /** Reachable without signing in. */
    isPublic?: boolean;
    /** Reachable by a signed-in user who still has to set up required two-factor authentication. */
    isAllowedBeforeEnrolment?: boolean;
    /** The route reads or writes personal data, so it must write an audit event. */
    personalData?: 'read' | 'write';
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route's declaration, keyed like the OpenAPI document: `GET /api/users/{userId}`. */
    routeDeclarations: Map<string, { permission?: Permission; isPublic?: boolean }>;
  }
}

export class RouteDeclarationError extends Error {}

/** Refuses a route that says neither which permission it needs nor that it is public. */
export function assertRouteDeclared(route: {
  method: string | string[];
  url: string;
  config?: unknown;
}): void {
  const config = (route.config ?? {}) as { permission?: Permission; isPublic?: boolean };
  const methods = ([] as string[]).concat(route.method);
  if (methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return;
  if (!config.permission && config.isPublic !== true) {
    throw new RouteDeclarationError(
      `Route ${methods.join(',')} ${route.url} declares neither a permission nor isPublic: true. Peerpath refuses to start (default deny).`,
    );
  }
  if (config.permission && config.isPublic) {
    throw new RouteDeclarationError(
      `Route ${methods.join(',')} ${route.url} declares both a permission and isPublic.`,
    );
  }
}
