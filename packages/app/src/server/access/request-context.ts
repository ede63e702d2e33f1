import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { actorOf } from './authenticate.ts';

/** What every service call needs from a request: the database, the clock, who acts, and the request id for the audit trail. */
export const requestContext = ({ db, clock }: { db: Db; clock: Clock }, request: FastifyRequest) => ({
  db,
  clock,
  actor: actorOf(request),
  requestId: request.id,
});
