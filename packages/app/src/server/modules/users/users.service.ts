import { eq } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.ts';
import type { Actor } from '../../access/actor.ts';
import { sessions, users } from '../../auth/auth.table.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertAccount } from './insert-account.ts';
import {
  countOtherActiveAdmins,
  findUserByEmail,
  findUserInScope,
  replaceUserSites,
} from './users.repository.ts';

export type UserServiceContext = { db: Db; actor: Actor; clock: Clock; requestId: string };

function assertSitesInScope(actor: Actor, siteIds: string[]) {
  const outside = siteIds.findIndex((id) => !actor.siteIds.includes(id));
  if (outside >= 0) {
    throw validationFailed([
      { field: `siteIds.${outside}`, message: 'Choose one of your organisation’s sites.' },
    ]);
  }
}

export async function viewUser({ db, actor, clock, requestId }: UserServiceContext, userId: string) {
  return db.transaction(async (tx) => {
    const user = await findUserInScope(tx, actor, userId);
    if (!user) throw notFound('user');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'user.view', entityType: 'user', entityIds: [user.id], siteId: user.siteId },
    );
    return { user };
  });
}

export type NewUser = { name: string; email: string; role: Role; siteIds: string[]; password: string };

export async function createUser({ db, actor, clock, requestId }: UserServiceContext, input: NewUser) {
  assertSitesInScope(actor, input.siteIds);
  const email = input.email.toLowerCase();
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) {
      throw conflict('Someone already signs in with that e-mail address.', [
        { field: 'email', message: 'Use a different e-mail address.' },
      ]);
    }
    const { userId: id } = await insertAccount(tx, { ...input, email, organisationId: actor.organisationId });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'user.create', entityType: 'user', entityIds: [id], siteId: input.siteIds[0] ?? null },
    );
    const user = await findUserInScope(tx, actor, id);
    if (!user) throw new Error('created user is out of the creator’s scope');
    return { user };
  });
}

export type UserChanges = {
  name?: string | undefined;
  role?: Role | undefined;
  siteIds?: string[] | undefined;
};

export async function updateUser(
  { db, actor, clock, requestId }: UserServiceContext,
  userId: string,
  changes: UserChanges,
) {
  if (changes.siteIds) assertSitesInScope(actor, changes.siteIds);
  return db.transaction(async (tx) => {
    const existing = await findUserInScope(tx, actor, userId);
    if (!existing) throw notFound('user');
    if (existing.role === 'admin' && changes.role && changes.role !== 'admin') {
      if ((await countOtherActiveAdmins(tx, actor.organisationId, userId)) === 0) {
        throw conflict('An organisation needs at least one admin. Make someone else an admin first.', [
          { field: 'role', message: 'Keep this person an admin until there is another.' },
        ]);
      }
    }
    const siteIds = changes.siteIds ? [...new Set(changes.siteIds)] : undefined;
    await tx
      .update(users)
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(siteIds
          ? { siteId: siteIds.includes(existing.siteId) ? existing.siteId : (siteIds[0] as string) }
          : {}),
        updatedAt: clock.now(),
      })
      .where(eq(users.id, userId));
    if (siteIds) await replaceUserSites(tx, existing, siteIds);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'user.update',
        entityType: 'user',
        entityIds: [userId],
        siteId: existing.siteId,
        query: { changed: Object.keys(changes).filter((k) => changes[k as keyof UserChanges] !== undefined) },
      },
    );
    const user = await findUserInScope(tx, actor, userId);
    if (!user) throw notFound('user');
    return { user };
  });
}

/** Disabling ends every session at once; the account keeps its history. */
export async function setUserDisabled(
  { db, actor, clock, requestId }: UserServiceContext,
  userId: string,
  isDisabled: boolean,
) {
  return db.transaction(async (tx) => {
    const existing = await findUserInScope(tx, actor, userId);
    if (!existing) throw notFound('user');
    if (isDisabled && existing.id === actor.userId) throw conflict('You cannot disable your own account.');
    if (
      isDisabled &&
      existing.role === 'admin' &&
      (await countOtherActiveAdmins(tx, actor.organisationId, userId)) === 0
    ) {
      throw conflict('An organisation needs at least one active admin.');
    }
    await tx.update(users).set({ isDisabled, updatedAt: clock.now() }).where(eq(users.id, userId));
    if (isDisabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: isDisabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityIds: [userId],
        siteId: existing.siteId,
      },
    );
    return { user: { ...existing, isDisabled } };
  });
}
