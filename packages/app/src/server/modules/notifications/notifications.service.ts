import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { notFound } from '../../http/app-error.ts';
import { notifications } from './notifications.table.ts';

export type NewNotification = {
  organisationId: string;
  siteId: string | null;
  userId: string;
  kind: string;
  caseId: string | null;
  /** Shown in the app; name the case by its local case ID, never by the person's name. */
  message: string;
};

/** Tells one person something in the app. E-mail and SMS are for later; they will hang off this. */
export async function notify(db: Db, clock: Clock, notification: NewNotification): Promise<void> {
  await db.insert(notifications).values({ id: newId(), createdAt: clock.now(), ...notification });
}

export async function listOwnNotifications(db: Db, actor: Actor) {
  const items = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, actor.userId), eq(notifications.organisationId, actor.organisationId)),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      caseId: n.caseId,
      message: n.message,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total: items.length,
  };
}

export async function markNotificationRead(db: Db, actor: Actor, clock: Clock, notificationId: string) {
  const [own] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId)));
  if (!own) throw notFound('notification');
  await db
    .update(notifications)
    .set({ readAt: clock.now() })
    .where(and(eq(notifications.id, notificationId), isNull(notifications.readAt)));
  return { ok: true as const };
}
