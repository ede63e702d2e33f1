import { hashPassword } from 'better-auth/crypto';
import type { Role } from '../../../contract/roles.ts';
import { accounts, users } from '../../auth/auth.table.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { replaceUserSites } from './users.repository.ts';

export type NewAccount = {
  organisationId: string;
  name: string;
  email: string;
  role: Role;
  /** The first is the home site. */
  siteIds: string[];
  password: string;
  isTwoFactorEnabled?: boolean;
};

/** Writes a user, their sites and their password credential (hashed by better-auth's own hasher). */
export async function insertAccount(db: Db, input: NewAccount): Promise<{ userId: string }> {
  const userId = newId();
  const siteIds = [...new Set(input.siteIds)];
  await db.insert(users).values({
    id: userId,
    organisationId: input.organisationId,
    siteId: siteIds[0] as string,
    name: input.name,
    email: input.email.toLowerCase(),
    role: input.role,
    twoFactorEnabled: input.isTwoFactorEnabled ?? false,
  });
  await replaceUserSites(db, { id: userId, organisationId: input.organisationId }, siteIds);
  await db.insert(accounts).values({
    id: newId(),
    userId,
    accountId: userId,
    providerId: 'credential',
    password: await hashPassword(input.password),
  });
  return { userId };
}
