import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signInBody, signInResponse, twoFactorVerifyBody } from '../../contract/auth.ts';
import { okResponse } from '../../contract/common.ts';
import { errorResponse } from '../../contract/errors.ts';
import { authHeaders, forwardCookies } from '../access/authenticate.ts';
import type { AppDeps } from '../app-deps.ts';
import { AppError, tooManyRequests } from '../http/app-error.ts';
import { users } from './auth.table.ts';
import { refusedAs } from './auth-refusal.ts';

const invalidCredentials = () =>
  new AppError('invalid_credentials', 401, 'The e-mail address or password is not right.');
const invalidCode = () =>
  new AppError('invalid_code', 401, 'That code is not right or has expired. Try the newest code.');

export function registerAuthRoutes(fastify: FastifyInstance, { auth, db, throttles }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 429: errorResponse };

  app.post(
    '/api/auth/sign-in',
    {
      config: { isPublic: true },
      schema: { tags: ['auth'], body: signInBody, response: { 200: signInResponse, ...errors } },
    },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      const networkKey = `ip:${request.ip}`;
      const wait = Math.max(
        throttles.account.retryAfterSeconds(email),
        throttles.network.retryAfterSeconds(networkKey),
      );
      if (wait > 0) throw tooManyRequests(wait);
      const fail = () => {
        throttles.account.recordFailure(email);
        throttles.network.recordFailure(networkKey);
        return invalidCredentials();
      };
      const [account] = await db
        .select({ isDisabled: users.isDisabled })
        .from(users)
        .where(eq(users.email, email));
      if (!account || account.isDisabled) throw fail();
      const { headers, response } = await refusedAs(
        auth.api.signInEmail({
          body: { email, password: request.body.password },
          headers: authHeaders(request),
          returnHeaders: true,
        }),
        fail,
      );
      throttles.account.recordSuccess(email);
      forwardCookies(reply, headers);
      const needsSecondFactor = 'twoFactorRedirect' in response && response.twoFactorRedirect === true;
      return { status: needsSecondFactor ? ('two_factor_required' as const) : ('signed_in' as const) };
    },
  );

  app.post(
    '/api/auth/two-factor/verify',
    {
      config: { isPublic: true },
      schema: { tags: ['auth'], body: twoFactorVerifyBody, response: { 200: signInResponse, ...errors } },
    },
    async (request, reply) => {
      const networkKey = `2fa:${request.ip}`;
      const wait = throttles.network.retryAfterSeconds(networkKey);
      if (wait > 0) throw tooManyRequests(wait);
      const { code, method } = request.body;
      const options = { body: { code }, headers: authHeaders(request), returnHeaders: true as const };
      const { headers } = await refusedAs(
        method === 'recovery_code' ? auth.api.verifyBackupCode(options) : auth.api.verifyTOTP(options),
        () => {
          throttles.network.recordFailure(networkKey);
          return invalidCode();
        },
      );
      forwardCookies(reply, headers);
      throttles.network.recordSuccess(networkKey);
      return { status: 'signed_in' as const };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { permission: 'own_account', isAllowedBeforeEnrolment: true },
      schema: { tags: ['auth'], response: { 200: okResponse, ...errors } },
    },
    async (request, reply) => {
      const { headers } = await auth.api.signOut({ headers: authHeaders(request), returnHeaders: true });
      forwardCookies(reply, headers);
      return { ok: true as const };
    },
  );
}
