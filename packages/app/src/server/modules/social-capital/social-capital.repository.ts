import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { inActorScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { workforceMembers } from '../workforce/people/people.table.ts';
import { partnerContacts, partnerOrganisations, relationshipHolders } from './social-capital.table.ts';

const partnerScope = (actor: Actor) =>
  inActorScope(actor, {
    organisationId: partnerOrganisations.organisationId,
    siteId: partnerOrganisations.siteId,
  });

/** A site's partners with their contacts and the active holders of each, within the actor's scope. */
export async function listRegister(db: Db, actor: Actor, siteId?: string) {
  const conditions: SQL[] = [partnerScope(actor)];
  if (siteId) conditions.push(eq(partnerOrganisations.siteId, siteId));
  const partners = await db
    .select()
    .from(partnerOrganisations)
    .where(and(...conditions))
    .orderBy(asc(partnerOrganisations.name))
    .limit(500);
  const partnerIds = partners.map((p) => p.id);
  const contacts =
    partnerIds.length === 0
      ? []
      : await db
          .select()
          .from(partnerContacts)
          .where(inArray(partnerContacts.partnerId, partnerIds))
          .orderBy(asc(partnerContacts.name));
  const contactIds = contacts.map((c) => c.id);
  const holders =
    contactIds.length === 0
      ? []
      : await db
          .select({ holder: relationshipHolders, name: workforceMembers.displayName })
          .from(relationshipHolders)
          .innerJoin(workforceMembers, eq(workforceMembers.id, relationshipHolders.memberId))
          .where(
            and(
              inArray(relationshipHolders.partnerContactId, contactIds),
              eq(relationshipHolders.status, 'active'),
            ),
          )
          .orderBy(asc(workforceMembers.displayName));
  return { partners, contacts, holders };
}

export async function findPartnerInScope(db: Db, actor: Actor, partnerId: string) {
  const [row] = await db
    .select()
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.id, partnerId), partnerScope(actor)));
  return row;
}

export async function findContactInScope(db: Db, actor: Actor, contactId: string) {
  const [row] = await db
    .select({ contact: partnerContacts })
    .from(partnerContacts)
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, partnerContacts.partnerId))
    .where(and(eq(partnerContacts.id, contactId), partnerScope(actor)));
  return row?.contact;
}

export async function findHolderInScope(db: Db, actor: Actor, holderId: string) {
  const [row] = await db
    .select({ holder: relationshipHolders })
    .from(relationshipHolders)
    .where(
      and(
        eq(relationshipHolders.id, holderId),
        inActorScope(actor, {
          organisationId: relationshipHolders.organisationId,
          siteId: relationshipHolders.siteId,
        }),
      ),
    )
    .for('update');
  return row?.holder;
}

/** A workforce member who works at the site and has not left (so may hold a relationship there). */
export async function findMemberAtSite(db: Db, organisationId: string, siteId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(workforceMembers)
    .where(
      and(
        eq(workforceMembers.id, memberId),
        eq(workforceMembers.organisationId, organisationId),
        sql`${siteId}::uuid = any(${workforceMembers.siteIds})`,
        ne(workforceMembers.status, 'left'),
      ),
    );
  return row;
}

/** A member in the actor's organisation whose home site is one of the actor's (for a handover). */
export async function findMemberInScope(db: Db, actor: Actor, memberId: string) {
  const [row] = await db
    .select()
    .from(workforceMembers)
    .where(
      and(
        eq(workforceMembers.id, memberId),
        inActorScope(actor, {
          organisationId: workforceMembers.organisationId,
          siteId: workforceMembers.siteId,
        }),
      ),
    );
  return row;
}

/** The relationships a member holds now, with how many others hold each (locked for the handover). */
export async function heldBy(db: Db, memberId: string) {
  return db
    .select({
      holder: relationshipHolders,
      partnerName: partnerOrganisations.name,
      contactName: partnerContacts.name,
      otherHolders: sql<number>`(select count(*)::int from relationship_holders o
        where o.partner_contact_id = ${sql.raw('"relationship_holders"."partner_contact_id"')}
          and o.status = 'active' and o.member_id <> ${memberId})`,
    })
    .from(relationshipHolders)
    .innerJoin(partnerContacts, eq(partnerContacts.id, relationshipHolders.partnerContactId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, partnerContacts.partnerId))
    .where(and(eq(relationshipHolders.memberId, memberId), eq(relationshipHolders.status, 'active')))
    .orderBy(asc(partnerOrganisations.name), asc(partnerContacts.name))
    .for('update', { of: relationshipHolders });
}

// Drizzle leaves columns in a select list unqualified; inside the subqueries the outer row is named in full.
/** Active holders per contact at a site (for coverage). */
export async function holderCounts(db: Db, organisationId: string, siteId: string) {
  return db
    .select({
      contactId: partnerContacts.id,
      activeHolders: sql<number>`(select count(*)::int from relationship_holders h
        where h.partner_contact_id = ${sql.raw('"partner_contacts"."id"')} and h.status = 'active')`,
    })
    .from(partnerContacts)
    .where(and(eq(partnerContacts.organisationId, organisationId), eq(partnerContacts.siteId, siteId)));
}
