import { z } from 'zod';

/**
 * Every environment variable Peerpath reads, with its meaning and default, in one place.
 * The README's configuration table is checked against this list by a test.
 */
export const configSpec = {
  NODE_ENV: {
    doc: '`production` turns on production safeguards (demo mode refused, auth secret required).',
    default: 'development',
    schema: z.enum(['development', 'production', 'test']),
  },
  HOST: { doc: 'Interface to listen on.', default: '127.0.0.1', schema: z.string().min(1) },
  PORT: { doc: 'Port to listen on.', default: '3000', schema: z.coerce.number().int().min(0).max(65535) },
  PEERPATH_PUBLIC_URL: {
    doc: 'The address people use to reach Peerpath (scheme, host, port). Used for origin checks and cookies.',
    default: 'http://localhost:$PORT',
    schema: z.url(),
  },
  DATABASE_URL: {
    doc: 'PostgreSQL connection string. When unset, Peerpath uses embedded PostgreSQL (PGlite) in the data folder.',
    default: '(unset: embedded PGlite)',
    schema: z.string().optional(),
  },
  PEERPATH_DATA_DIR: {
    doc: 'Folder for the embedded database and the generated auth secret.',
    default: './data',
    schema: z.string().min(1),
  },
  PEERPATH_AUTH_SECRET: {
    doc: 'At least 32 random characters that sign session cookies and encrypt two-factor secrets. Required in production; otherwise generated once and kept in the data folder.',
    default: '(generated)',
    schema: z.string().min(32).optional(),
  },
  PEERPATH_DEMO: {
    doc: 'Create the demo organisation, sites and users on first start with an empty database. Refused in production.',
    default: 'true (false in production)',
    schema: z.enum(['true', 'false']).optional(),
  },
  PEERPATH_MAX_IN_FLIGHT: {
    doc: 'Requests handled at once before new ones are shed with 503 and Retry-After.',
    default: '64',
    schema: z.coerce.number().int().min(1).max(10_000),
  },
  PEERPATH_DB_POOL_SIZE: {
    doc: 'Connections in the PostgreSQL pool (server mode only).',
    default: '10',
    schema: z.coerce.number().int().min(1).max(200),
  },
  LOG_LEVEL: {
    doc: 'Log level: fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  },
  // Daily check-ins (issue 5)
  PEERPATH_SMS_INBOUND_SECRET: {
    doc: 'At least 32 random characters the SMS provider sends in the X-Peerpath-Sms-Secret header when it posts a text reply to /api/sms/inbound. When unset, text replies are switched off (the route answers 404).',
    default: '(unset: text replies off)',
    schema: z.string().min(32).optional(),
  },
} as const;

export type ConfigName = keyof typeof configSpec;

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  isDemoEnabled: boolean;
  maxInFlight: number;
  dbPoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Daily check-ins: the shared secret of the inbound SMS webhook. */
  smsInboundSecret: string | undefined;
};

export class ConfigError extends Error {}

function read<N extends ConfigName>(
  env: NodeJS.ProcessEnv,
  name: N,
): z.infer<(typeof configSpec)[N]['schema']> {
  const spec = configSpec[name];
  const raw = env[name] === '' ? undefined : env[name];
  const isComputedDefault =
    spec.default.startsWith('(') || spec.default.includes('$') || spec.default.includes(' ');
  const value = raw ?? (isComputedDefault ? undefined : spec.default);
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      `${name} is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}. ${spec.doc}`,
    );
  }
  return parsed.data as z.infer<(typeof configSpec)[N]['schema']>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = read(env, 'NODE_ENV');
  const isProduction = nodeEnv === 'production';
  const demo = read(env, 'PEERPATH_DEMO');
  const isDemoEnabled = demo === undefined ? !isProduction : demo === 'true';
  if (isProduction && isDemoEnabled) {
    throw new ConfigError(
      'PEERPATH_DEMO=true is refused when NODE_ENV=production: demo accounts must never guard real data.',
    );
  }
  const authSecret = read(env, 'PEERPATH_AUTH_SECRET');
  if (isProduction && !authSecret) {
    throw new ConfigError('PEERPATH_AUTH_SECRET must be set in production (at least 32 random characters).');
  }
  return {
    env: nodeEnv,
    host: read(env, 'HOST'),
    port: read(env, 'PORT'),
    publicUrl: env.PEERPATH_PUBLIC_URL ? read(env, 'PEERPATH_PUBLIC_URL') : undefined,
    databaseUrl: read(env, 'DATABASE_URL'),
    dataDir: read(env, 'PEERPATH_DATA_DIR'),
    authSecret,
    isDemoEnabled,
    maxInFlight: read(env, 'PEERPATH_MAX_IN_FLIGHT'),
    dbPoolSize: read(env, 'PEERPATH_DB_POOL_SIZE'),
    logLevel: read(env, 'LOG_LEVEL'),
    smsInboundSecret: read(env, 'PEERPATH_SMS_INBOUND_SECRET'),
  };
}
