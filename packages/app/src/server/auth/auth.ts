import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { accounts, sessions, twoFactors, users, verifications } from './auth.table.ts';

/** Session limits (foundation issue §4): 30 minutes idle, 12 hours in all. */
export const sessionPolicy = {
  inactivitySeconds: 30 * 60,
  absoluteSeconds: 12 * 60 * 60,
  /** The idle timer is pushed back at most once a minute, so a busy page does not write on every request. */
  refreshEverySeconds: 60,
} as const;

export type AuthOptions = { db: Db; secret: string; publicUrl: string };

/**
 * better-auth does passwords, sessions and TOTP. Its own HTTP routes are not mounted: our routes
 * (auth.routes.ts) call `auth.api` so every endpoint has our schemas, errors, throttling and audit.
 */
export function createAuth({ db, secret, publicUrl }: AuthOptions) {
  return betterAuth({
    appName: 'Peerpath',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [publicUrl],
    database: drizzleAdapter(db as never, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 200 },
    user: {
      additionalFields: {
        organisationId: { type: 'string', required: true, input: false },
        siteId: { type: 'string', required: true, input: false },
        role: { type: 'string', required: true, input: false },
        isDisabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: sessionPolicy.inactivitySeconds,
      updateAge: sessionPolicy.refreshEverySeconds,
      cookieCache: { enabled: false },
    },
    // We throttle sign-in ourselves (login-throttle.ts) with a clock tests can move.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: 'peerpath',
      useSecureCookies: true,
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: 'lax', path: '/' },
      database: { generateId: () => newId() },
      ipAddress: { ipAddressHeaders: ['x-peerpath-client-ip'] },
    },
    plugins: [
      twoFactor({
        issuer: 'Peerpath',
        backupCodeOptions: { amount: 10, length: 10 },
        skipVerificationOnEnable: false,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
