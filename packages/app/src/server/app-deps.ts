import type { Auth } from './auth/auth.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/database.ts';

/** What route modules need, passed by name (no container). */
export type AppDeps = {
  database: Database;
  db: Db;
  auth: Auth;
  clock: Clock;
  throttles: { account: LoginThrottle; network: LoginThrottle };
};
