import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuthentication } from './access/authenticate.ts';
import { assertRouteDeclared } from './access/route-config.ts';
import type { AppDeps } from './app-deps.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { createAuth } from './auth/auth.ts';
import { accountPolicy, LoginThrottle, networkPolicy } from './auth/login-throttle.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Database } from './db/database.ts';
import { newId } from './db/ids.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerLoadShedding } from './http/load-shedding.ts';
import { loggerOptions } from './http/logging.ts';
import { registerNulCharacterGuard } from './http/nul-characters.ts';
import { registerOpenApi, rememberDeclaration } from './http/openapi.ts';
import { registerOriginCheck } from './http/origin-check.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerCaseloadRoutes } from './modules/caseload/caseload.routes.ts';
import { registerCasesRoutes } from './modules/cases/cases.routes.ts';
// Daily check-ins (issue 5)
import { registerCheckInLinkRoutes } from './modules/check-ins/check-in-links.routes.ts';
import { registerCheckInsRoutes } from './modules/check-ins/check-ins.routes.ts';
import type { GatewayFactory } from './modules/check-ins/sms-gateway.ts';
import { registerContactsRoutes } from './modules/contacts/contacts.routes.ts';
import { registerExportRoutes } from './modules/exports/exports.routes.ts';
import { registerFundRoutes } from './modules/fund/fund.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerImportRoutes } from './modules/imports/imports.routes.ts';
import { registerMatchingRoutes } from './modules/matching/matching.routes.ts';
import { registerMeRoutes } from './modules/me/me.routes.ts';
import { registerNotificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { registerOrganisationRoutes } from './modules/organisations/organisations.routes.ts';
// Outcomes (issue 5)
import { registerOutcomesRoutes } from './modules/outcomes/outcomes.routes.ts';
import { registerReportRoutes } from './modules/reports/reports.routes.ts';
import { registerSafeguardingRoutes } from './modules/safeguarding/safeguarding.routes.ts';
import { registerSiteRoutes } from './modules/sites/sites.routes.ts';
import { registerSocialCapitalRoutes } from './modules/social-capital/social-capital.routes.ts';
import { registerSocialValueRoutes } from './modules/social-value/social-value.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { registerVoiceRoutes } from './modules/voice/voice.routes.ts';
// Peer workforce: people, hours, training, supervision, safety, access limits (issue 6)
import { registerWorkforceRoutes } from './modules/workforce/workforce.routes.ts';

export type BuildAppOptions = {
  database: Database;
  authSecret: string;
  publicUrl: string;
  clock?: Clock;
  logLevel?: string;
  logDestination?: NodeJS.WritableStream;
  maxInFlight?: number;
  /** Built web app to serve; omitted in API tests. */
  webDir?: string | undefined;
  /** Daily check-ins: the inbound SMS webhook's shared secret (text replies are off without it). */
  smsInboundSecret?: string | undefined;
  /** Daily check-ins: how texts are sent (default: the SMS outbox table; tests may capture them). */
  smsGatewayFactory?: GatewayFactory;
  /** Test hook: register extra routes before the server starts (used to prove undeclared routes are refused). */
  extraRoutes?: (app: FastifyInstance) => void;
};

export const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
const bodyLimitBytes = 256 * 1024;

export async function buildApp(options: BuildAppOptions) {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logDestination),
    genReqId: () => newId(),
    bodyLimit: bodyLimitBytes,
    connectionTimeout: 60_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = 10_000;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = options.clock ?? systemClock;
  const { database } = options;
  const auth = createAuth({ db: database.db, secret: options.authSecret, publicUrl: options.publicUrl });
  const deps: AppDeps = {
    database,
    db: database.db,
    auth,
    clock,
    throttles: {
      account: new LoginThrottle(clock, accountPolicy),
      network: new LoginThrottle(clock, networkPolicy),
    },
  };

  // Default deny: a route that declares neither a permission nor isPublic stops the server starting.
  const declarations: FastifyInstance['routeDeclarations'] = new Map();
  app.decorate('routeDeclarations', declarations);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, isPublic: true };
    assertRouteDeclared(route);
    rememberDeclaration(declarations, route);
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  registerErrorHandler(app);
  registerNulCharacterGuard(app);
  // Only JSON bodies: an HTML form can post text/plain across sites without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  registerLoadShedding(app, { maxInFlight: options.maxInFlight ?? 64 });
  registerOriginCheck(app, { trustedOrigins: [options.publicUrl] });
  registerAuthentication(app, deps);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // Ask browsers to upgrade to HTTPS only when Peerpath itself is served over HTTPS.
        'upgrade-insecure-requests': options.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await registerOpenApi(app, declarations);

  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerMeRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerSiteRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCasesRoutes(app, deps);
  registerContactsRoutes(app, deps);
  registerCaseloadRoutes(app, deps);
  registerFundRoutes(app, deps);
  registerNotificationsRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerSocialValueRoutes(app, deps);
  // Daily check-ins (issue 5)
  registerCheckInsRoutes(app, deps, { gatewayFactory: options.smsGatewayFactory });
  registerCheckInLinkRoutes(app, deps, {
    smsInboundSecret: options.smsInboundSecret,
    gatewayFactory: options.smsGatewayFactory,
  });
  // Outcomes (issue 5)
  registerOutcomesRoutes(app, deps);
  app.get('/api/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // Safeguarding, matching, social capital register, peer voice (issue 6: session helper)
  registerSafeguardingRoutes(app, deps);
  registerMatchingRoutes(app, deps);
  registerVoiceRoutes(app, deps);
  registerSocialCapitalRoutes(app, deps);
  // Peer workforce (issue 6: workforce helper)
  registerWorkforceRoutes(app, deps);
  options.extraRoutes?.(app);

  if (options.webDir && existsSync(options.webDir)) await registerWebApp(app, options.webDir);
  return app;
}

/** The built single-page app: its files, and index.html for any other page address (client-side routes). */
async function registerWebApp(app: FastifyInstance, webDir: string) {
  await app.register(fastifyStatic, { root: webDir, serve: false });
  app.get('/*', { config: { isPublic: true }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path.startsWith('/health/')) return reply.callNotFound();
    const file = resolve(webDir, `.${safeDecode(path)}`);
    const isAsset = file.startsWith(webDir + sep) && existsSync(file) && statSync(file).isFile();
    if (isAsset) {
      const isHashed = path.startsWith('/assets/');
      return reply.sendFile(file.slice(webDir.length + 1), {
        maxAge: isHashed ? '365d' : 0,
        immutable: isHashed,
      });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '/';
  }
}
