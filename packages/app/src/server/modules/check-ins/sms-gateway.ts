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
  /** Optional: many texts at once (the job sends a site's 9am check-ins together). */
  sendBatch?(messages: SmsMessage[]): Promise<void>;
}

export type SmsMessage = { to: string; text: string; context: SmsContext };

/** Sends texts through the gateway's batch method when it has one, otherwise one by one. */
export async function sendAll(gateway: SmsGateway, messages: SmsMessage[]): Promise<void> {
  if (messages.length === 0) return;
  if (gateway.sendBatch) return gateway.sendBatch(messages);
  for (const m of messages) await gateway.send(m.to, m.text, m.context);
}

export function outboxSmsGateway(db: Db, clock: Clock): SmsGateway {
  const row = ({ to, text, context }: SmsMessage) => ({
    id: newId(),
    organisationId: context.organisationId,
    siteId: context.siteId,
    toPhone: to,
    body: text,
    purpose: context.purpose,
    createdAt: clock.now(),
  });
  return {
    async send(to, text, context) {
      await db.insert(smsOutbox).values(row({ to, text, context }));
    },
    async sendBatch(messages) {
      for (let i = 0; i < messages.length; i += 500)
        await db.insert(smsOutbox).values(messages.slice(i, i + 500).map(row));
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
