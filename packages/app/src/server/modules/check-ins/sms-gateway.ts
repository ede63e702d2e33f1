import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { smsOutbox } from './check-ins.table.ts';

/** Which organisation and site a text belongs to, and why it was sent (for the outbox page). */
export type SmsContext = { organisationId: string; siteId: string; purpose: string };

/**
 * How Peerpath sends a text. A deployment plugs in its provider here; the shipped implementation
 * writes to the `sms_outbox` table (inside the caller's transaction, so a text exists exactly when the
 * check-in that caused it does) and makes no network call.
 */
export interface SmsGateway {
  send(to: string, text: string, context: SmsContext): Promise<void>;
}

export function outboxSmsGateway(db: Db, clock: Clock): SmsGateway {
  return {
    async send(to, text, context) {
      await db.insert(smsOutbox).values({
        id: newId(),
        organisationId: context.organisationId,
        siteId: context.siteId,
        toPhone: to,
        body: text,
        purpose: context.purpose,
        createdAt: clock.now(),
      });
    },
  };
}

/** A gateway bound to a transaction: the job and the routes make one per transaction. */
export type GatewayFactory = (db: Db, clock: Clock) => SmsGateway;
export const defaultGatewayFactory: GatewayFactory = outboxSmsGateway;

export async function listOutbox(db: Db, organisationId: string, siteId: string, limit = 200) {
  return db
    .select()
    .from(smsOutbox)
    .where(and(eq(smsOutbox.organisationId, organisationId), eq(smsOutbox.siteId, siteId)))
    .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
    .limit(limit);
}
