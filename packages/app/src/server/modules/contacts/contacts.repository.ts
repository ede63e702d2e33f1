import { asc, eq } from 'drizzle-orm';
import { users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';
import { contacts } from './contacts.table.ts';

export type ContactRow = typeof contacts.$inferSelect & { madeByName: string | null };

/** A case's contacts, oldest first. The caller has already checked the case is in scope. */
export async function listContactsOfCase(db: Db, caseId: string): Promise<ContactRow[]> {
  const rows = await db
    .select({ contact: contacts, madeByName: users.name })
    .from(contacts)
    .leftJoin(users, eq(users.id, contacts.madeByUserId))
    .where(eq(contacts.caseId, caseId))
    .orderBy(asc(contacts.contactedAt), asc(contacts.id));
  return rows.map((r) => ({ ...r.contact, madeByName: r.madeByName }));
}

export async function insertContact(db: Db, row: typeof contacts.$inferInsert) {
  await db.insert(contacts).values(row);
}
