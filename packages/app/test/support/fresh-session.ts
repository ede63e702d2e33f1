import { signIn, type TestApp } from './test-app.ts';

/**
 * A signed-in Cookie header that is never more than `maxAgeMs` old. better-auth pushes a session's
 * idle timer back (an UPDATE of `sessions`) at most once a minute; a test comparing database digests
 * around a request uses a cookie from this, so that refresh cannot land between the two digests.
 */
export function freshSession(app: TestApp['app'], email: string, maxAgeMs = 30_000): () => Promise<string> {
  let cookie = '';
  let signedInAt = 0;
  return async () => {
    if (Date.now() - signedInAt > maxAgeMs) {
      cookie = await signIn(app, email);
      signedInAt = Date.now();
    }
    return cookie;
  };
}
