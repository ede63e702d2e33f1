import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  inboundSmsBody,
  inboundSmsResponse,
  linkReplyBody,
  linkReplyResponse,
  linkTokenBody,
  linkView,
} from '../../../contract/check-ins.ts';
import { errorResponse } from '../../../contract/errors.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound, tooManyRequests } from '../../http/app-error.ts';
import { crisisText, monitoredHoursText, optedOutText, parseSmsReply, phoneKey } from './check-in.rules.ts';
import { optOut, recordAnswer } from './check-in-replies.ts';
import { hashLinkToken } from './check-in-tokens.ts';
import {
  activeEnrolmentsForPhone,
  findCheckInByTokenHash,
  findLatestOpenCheckInForPhone,
  siteSettingsOf,
} from './check-ins.repository.ts';
import { defaultGatewayFactory, type GatewayFactory } from './sms-gateway.ts';

const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse };
const linkErrors = { ...errors, 429: errorResponse };

/**
 * Every failure of a link (never issued, already answered, expired, opted out) answers the same
 * 404, so a guess learns nothing.
 */
const linkNotFound = () => notFound('check-in');

async function openLink(db: Db, clock: Clock, token: string, options: { mayBeAnswered?: boolean } = {}) {
  const found = await findCheckInByTokenHash(db, hashLinkToken(token));
  if (
    found?.enrolment.status !== 'active' ||
    found.checkIn.expiresAt.getTime() <= clock.now().getTime() ||
    (!options.mayBeAnswered && found.checkIn.answeredAt)
  )
    throw linkNotFound();
  return found;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The person's side: the link page's three routes, and the SMS gateway's webhook for replies. */
export function registerCheckInLinkRoutes(
  fastify: FastifyInstance,
  { db, clock, throttles }: AppDeps,
  options: { smsInboundSecret?: string | undefined; gatewayFactory?: GatewayFactory | undefined } = {},
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const gatewayFactory = options.gatewayFactory ?? defaultGatewayFactory;
  const tags = ['check-ins (public)'];

  /**
   * Guessed tokens are slowed per network address, as survey links are (`outcomes.routes.ts`): each
   * 404 counts as a failure, and once past the free failures a caller waits before anything is read.
   */
  const guarded = async <T>(ip: string, run: () => Promise<T>): Promise<T> => {
    const key = `check-in:${ip}`;
    const wait = throttles.network.retryAfterSeconds(key);
    if (wait > 0) throw tooManyRequests(wait);
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) throttles.network.recordFailure(key);
      throw error;
    }
  };

  // The token travels in the body of a POST, never in a URL, so it stays out of logs.
  app.post(
    '/api/check-ins/link',
    {
      config: { isPublic: true },
      schema: { tags, body: linkTokenBody, response: { 200: linkView, ...linkErrors } },
    },
    async (request) =>
      guarded(request.ip, async () => {
        const { checkIn } = await openLink(db, clock, request.body.token);
        const settings = await siteSettingsOf(db, checkIn.siteId);
        return { monitoredHoursText: monitoredHoursText(settings), crisisText };
      }),
  );

  app.post(
    '/api/check-ins/link/reply',
    {
      config: { isPublic: true },
      schema: { tags, body: linkReplyBody, response: { 200: linkReplyResponse, ...linkErrors } },
    },
    async (request) =>
      guarded(request.ip, () =>
        db.transaction(async (tx) => {
          const { checkIn } = await openLink(tx, clock, request.body.token);
          const result = await recordAnswer(
            tx,
            { clock, gateway: gatewayFactory(tx, clock) },
            checkIn,
            request.body.answer,
            'link',
          );
          if (!result) throw linkNotFound();
          return { message: result.message };
        }),
      ),
  );

  app.post(
    '/api/check-ins/link/stop',
    {
      config: { isPublic: true },
      schema: { tags, body: linkTokenBody, response: { 200: linkReplyResponse, ...linkErrors } },
    },
    async (request) =>
      guarded(request.ip, () =>
        db.transaction(async (tx) => {
          const { enrolment } = await openLink(tx, clock, request.body.token, { mayBeAnswered: true });
          await optOut(tx, { clock, gateway: gatewayFactory(tx, clock) }, enrolment, 'link');
          return { message: optedOutText };
        }),
      ),
  );

  /**
   * Texts from people, posted by the SMS provider with the shared secret in a header. A reply
   * answers the newest open check-in for that number; STOP stops every enrolment using it.
   */
  app.post(
    '/api/sms/inbound',
    {
      config: { isPublic: true },
      schema: { tags, body: inboundSmsBody, response: { 200: inboundSmsResponse, ...errors } },
    },
    async (request) => {
      const secret = options.smsInboundSecret;
      if (!secret) throw notFound('route');
      const given = request.headers['x-peerpath-sms-secret'];
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(secret)))
        throw new AppError('unauthenticated', 401, 'The SMS gateway secret is missing or wrong.');
      const reply = parseSmsReply(request.body.text);
      const key = phoneKey(request.body.from);
      return db.transaction(async (tx) => {
        const gateway = gatewayFactory(tx, clock);
        if (reply === 'stop') {
          const enrolments = await activeEnrolmentsForPhone(tx, key);
          for (const enrolment of enrolments) await optOut(tx, { clock, gateway }, enrolment, 'sms');
          return { outcome: enrolments.length > 0 ? ('opted_out' as const) : ('ignored' as const) };
        }
        if (!reply) return { outcome: 'ignored' as const };
        const open = await findLatestOpenCheckInForPhone(tx, key, clock.now());
        if (!open) return { outcome: 'ignored' as const };
        const result = await recordAnswer(tx, { clock, gateway }, open.checkIn, reply, 'sms');
        return { outcome: result ? ('recorded' as const) : ('ignored' as const) };
      });
    },
  );
}
