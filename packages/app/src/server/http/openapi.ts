import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Permission } from '../../contract/roles.ts';

type Declaration = { permission?: Permission; isPublic?: boolean };
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * The OpenAPI 3.1 document is generated from the routes' Zod schemas. Each operation carries
 * `x-permission` (what a caller needs) or `x-public: true`, taken from the route declaration.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  declarations: Map<string, Declaration>,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Peerpath API',
        version: '0.1.0',
        description:
          'Every operation names the permission it needs (`x-permission`) or says it is public (`x-public`). Errors share one shape: `{ "error": { "code", "message", "details"? } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Secure-peerpath.session_token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => {
      const document = jsonSchemaTransformObject(documentObject) as {
        paths?: Record<string, Record<string, Record<string, unknown>>>;
      };
      for (const [path, operations] of Object.entries(document.paths ?? {})) {
        for (const [method, operation] of Object.entries(operations)) {
          if (acceptsNoBody(operation.requestBody))
            (operation.requestBody as { required: boolean }).required = false;
          const declaration = declarations.get(`${method.toUpperCase()} ${path}`);
          if (declaration?.isPublic) operation['x-public'] = true;
          else if (declaration?.permission) {
            operation['x-permission'] = declaration.permission;
            operation.security = [{ session: [] }];
          }
        }
      }
      return document as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

type RequestBody = { content?: Record<string, { schema?: { anyOf?: { type?: unknown }[] } }> };
/**
 * @fastify/swagger marks every request body required, but Fastify validates an absent body as null:
 * a body schema that accepts null (an optional body, like a batch proposal's choice) may be left out.
 */
const acceptsNoBody = (requestBody: unknown) =>
  Object.values((requestBody as RequestBody | undefined)?.content ?? {}).some((media) =>
    media.schema?.anyOf?.some((option) => option.type === 'null'),
  );

/** Remembers each route's declaration under its OpenAPI key, e.g. `GET /api/users/{userId}`. */
export function rememberDeclaration(declarations: Map<string, Declaration>, route: RouteOptions): void {
  const config = (route.config ?? {}) as Declaration;
  for (const method of ([] as string[]).concat(route.method)) {
    declarations.set(`${method} ${toOpenApiPath(route.url)}`, {
      ...(config.permission ? { permission: config.permission } : {}),
      ...(config.isPublic ? { isPublic: true } : {}),
    });
  }
}
