import type { Clock } from '../../src/server/clock.ts';
import { type TestApp, testOrigin } from './test-app.ts';

/** A clock the tests move by hand. */
export function movableClock(start: string): Clock & { set: (iso: string) => void } {
  let now = new Date(start);
  return { now: () => new Date(now.getTime()), set: (iso) => (now = new Date(iso)) };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the app as one of the signed-in test users (`who` names a cookie), or as nobody (`null`).
 * Writes carry the origin header the cross-site check asks for. `app` is read at call time because
 * suites build their app in `beforeAll`.
 */
export function apiCaller(app: () => TestApp['app'], cookies: Record<string, string>) {
  return (who: string | null, method: HttpMethod, url: string, payload?: object) =>
    app().inject({
      method,
      url,
      headers: {
        ...(who ? { cookie: cookies[who] as string } : {}),
        ...(method === 'GET' ? {} : { origin: testOrigin }),
      },
      ...(payload ? { payload } : {}),
    });
}
