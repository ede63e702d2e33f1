import { and, eq } from 'drizzle-orm';
import type {
  Coverage,
  HandoverBody,
  Partner,
  PartnerKind,
  Strength,
} from '../../../contract/social-capital.ts';
import type { Actor } from '../../access/actor.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  findContactInScope,
  findHolderInScope,
  findMemberAtSite,
  findMemberInScope,
  findPartnerInScope,
  heldBy,
  holderCounts,
  listRegister,
} from './social-capital.repository.ts';
import { handoverProblems, isLost, isSuccessionRisk, successionCoverage } from './social-capital.rules.ts';
import { partnerContacts, partnerOrganisations, relationshipHolders } from './social-capital.table.ts';

export type SocialCapitalContext = { db: Db; actor: Actor; clock: Clock; requestId: string };
const auditOf = ({ actor, clock, requestId }: SocialCapitalContext) => ({ actor, clock, requestId });

export async function readRegister(context: SocialCapitalContext, siteId?: string) {
  const { db, actor } = context;
  return db.transaction(async (tx) => {
    const { partners, contacts, holders } = await listRegister(tx, actor, siteId);
    const items: Partner[] = partners.map((p) => ({
      id: p.id,
      siteId: p.siteId,
      name: p.name,
      kind: p.kind as PartnerKind,
      contacts: contacts
        .filter((c) => c.partnerId === p.id)
        .map((c) => {
          const held = holders.filter((h) => h.holder.partnerContactId === c.id);
          return {
            id: c.id,
            name: c.name,
            jobTitle: c.jobTitle,
            holders: held.map((h) => ({
              id: h.holder.id,
              memberId: h.holder.memberId,
              name: h.name,
              strength: h.holder.strength as Strength,
              lastInteractionOn: h.holder.lastInteractionOn,
            })),
            isSuccessionRisk: isSuccessionRisk({ activeHolders: held.length }),
            isLost: isLost({ activeHolders: held.length }),
          };
        }),
    }));
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.list',
      entityType: 'partner_contact',
      entityIds: contacts.map((c) => c.id),
      query: { siteId: siteId ?? null },
    });
    return { items, total: items.length };
  });
}

export async function createPartner(
  context: SocialCapitalContext,
  body: { siteId: string; name: string; kind: PartnerKind },
) {
  const { db, actor, clock } = context;
  if (!actor.siteIds.includes(body.siteId))
    throw validationFailed([{ field: 'siteId', message: 'Choose one of your sites.' }]);
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(partnerOrganisations).values({
      id,
      organisationId: actor.organisationId,
      siteId: body.siteId,
      name: body.name,
      kind: body.kind,
      createdAt: clock.now(),
    });
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.partner_create',
      entityType: 'partner_organisation',
      entityIds: [id],
      siteId: body.siteId,
    });
    return { id, siteId: body.siteId, name: body.name, kind: body.kind, contacts: [] };
  });
}

export async function createPartnerContact(
  context: SocialCapitalContext,
  partnerId: string,
  body: { name: string; jobTitle: string | null },
) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const found = await findPartnerInScope(tx, actor, partnerId);
    if (!found) throw notFound('partner organisation');
    const id = newId();
    await tx.insert(partnerContacts).values({
      id,
      partnerId,
      organisationId: found.organisationId,
      siteId: found.siteId,
      name: body.name,
      jobTitle: body.jobTitle,
      createdAt: clock.now(),
    });
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.contact_create',
      entityType: 'partner_contact',
      entityIds: [id],
      siteId: found.siteId,
    });
    return {
      id,
      name: body.name,
      jobTitle: body.jobTitle,
      holders: [],
      isSuccessionRisk: false,
      isLost: true,
    };
  });
}

export async function addHolder(
  context: SocialCapitalContext,
  contactId: string,
  body: { memberId: string; strength: Strength; lastInteractionOn: string | null },
) {
  const { db, actor, clock } = context;
  if (body.lastInteractionOn && body.lastInteractionOn > ukDateOf(clock.now()))
    throw validationFailed([
      { field: 'lastInteractionOn', message: 'Enter a date that is not in the future.' },
    ]);
  return db.transaction(async (tx) => {
    const contact = await findContactInScope(tx, actor, contactId);
    if (!contact) throw notFound('partner contact');
    const member = await findMemberAtSite(tx, actor.organisationId, contact.siteId, body.memberId);
    if (!member)
      throw validationFailed([
        { field: 'memberId', message: 'Choose someone in the workforce at this site.' },
      ]);
    const [existing] = await tx
      .select({ id: relationshipHolders.id })
      .from(relationshipHolders)
      .where(
        and(
          eq(relationshipHolders.partnerContactId, contactId),
          eq(relationshipHolders.memberId, body.memberId),
          eq(relationshipHolders.status, 'active'),
        ),
      );
    if (existing)
      throw conflict('They already hold this relationship.', [
        { field: 'memberId', message: 'Choose someone who does not hold it yet.' },
      ]);
    const now = clock.now();
    const id = newId();
    await tx.insert(relationshipHolders).values({
      id,
      organisationId: contact.organisationId,
      siteId: contact.siteId,
      partnerContactId: contactId,
      memberId: body.memberId,
      strength: body.strength,
      lastInteractionOn: body.lastInteractionOn,
      recordedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.holder_add',
      entityType: 'relationship_holder',
      entityIds: [id, contactId, body.memberId],
      siteId: contact.siteId,
    });
    return {
      id,
      memberId: body.memberId,
      name: member.displayName,
      strength: body.strength,
      lastInteractionOn: body.lastInteractionOn,
    };
  });
}

export async function updateHolder(
  context: SocialCapitalContext,
  holderId: string,
  body: { strength: Strength; lastInteractionOn: string | null },
) {
  const { db, actor, clock } = context;
  if (body.lastInteractionOn && body.lastInteractionOn > ukDateOf(clock.now()))
    throw validationFailed([
      { field: 'lastInteractionOn', message: 'Enter a date that is not in the future.' },
    ]);
  return db.transaction(async (tx) => {
    const holder = await findHolderInScope(tx, actor, holderId);
    if (holder?.status !== 'active') throw notFound('relationship');
    await tx
      .update(relationshipHolders)
      .set({ ...body, updatedAt: clock.now() })
      .where(eq(relationshipHolders.id, holderId));
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.holder_update',
      entityType: 'relationship_holder',
      entityIds: [holderId],
      siteId: holder.siteId,
    });
    return { ok: true as const };
  });
}

/** Takes one worker off a relationship, keeping the row (ended, with why) for the record. */
export async function endHolder(context: SocialCapitalContext, holderId: string, body: { reason: string }) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const holder = await findHolderInScope(tx, actor, holderId);
    if (holder?.status !== 'active') throw notFound('relationship');
    const now = clock.now();
    await tx
      .update(relationshipHolders)
      .set({ status: 'ended', endedOn: ukDateOf(now), endedNote: body.reason, updatedAt: now })
      .where(eq(relationshipHolders.id, holderId));
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.holder_end',
      entityType: 'relationship_holder',
      entityIds: [holderId, holder.memberId],
      siteId: holder.siteId,
    });
    return { ok: true as const };
  });
}

export async function handoverFor(context: SocialCapitalContext, memberId: string) {
  const { db, actor } = context;
  return db.transaction(async (tx) => {
    const member = await findMemberInScope(tx, actor, memberId);
    if (!member) throw notFound('workforce member');
    const held = await heldBy(tx, memberId);
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.handover_view',
      entityType: 'workforce_member',
      entityIds: [memberId],
      siteId: member.siteId,
    });
    return {
      memberId,
      relationships: held.map((h) => ({
        holderId: h.holder.id,
        partnerName: h.partnerName,
        contactName: h.contactName,
        strength: h.holder.strength as Strength,
        otherHolders: h.otherHolders,
      })),
    };
  });
}

/**
 * A handover when someone leaves (or steps back): every relationship they hold is passed on to a
 * named colleague at the same site or marked lost with why. All or nothing, in one transaction.
 */
export async function recordHandover(context: SocialCapitalContext, memberId: string, body: HandoverBody) {
  const { db, actor, clock } = context;
  return db.transaction(async (tx) => {
    const member = await findMemberInScope(tx, actor, memberId);
    if (!member) throw notFound('workforce member');
    const held = await heldBy(tx, memberId);
    const problems = handoverProblems(
      held.map((h) => h.holder.id),
      body.items,
      memberId,
    );
    const now = clock.now();
    const today = ukDateOf(now);
    for (const [i, item] of body.items.entries()) {
      const h = held.find((x) => x.holder.id === item.holderId)?.holder;
      if (!h || item.action !== 'pass_on') continue;
      if (!(await findMemberAtSite(tx, actor.organisationId, h.siteId, item.toMemberId)))
        problems.push({
          field: `items.${i}.toMemberId`,
          message: 'Choose someone in the workforce at this site.',
        });
    }
    if (problems.length > 0) throw validationFailed(problems);
    for (const item of body.items) {
      const h = held.find((x) => x.holder.id === item.holderId)?.holder;
      if (!h) continue;
      await tx
        .update(relationshipHolders)
        .set({
          status: item.action === 'pass_on' ? 'passed_on' : 'lost',
          endedOn: today,
          endedNote: item.action === 'lost' ? item.note : null,
          passedToMemberId: item.action === 'pass_on' ? item.toMemberId : null,
          updatedAt: now,
        })
        .where(eq(relationshipHolders.id, h.id));
      if (item.action !== 'pass_on') continue;
      const [already] = await tx
        .select({ id: relationshipHolders.id })
        .from(relationshipHolders)
        .where(
          and(
            eq(relationshipHolders.partnerContactId, h.partnerContactId),
            eq(relationshipHolders.memberId, item.toMemberId),
            eq(relationshipHolders.status, 'active'),
          ),
        );
      // A colleague who already holds it keeps their own record; otherwise they start as a weak tie.
      if (!already)
        await tx.insert(relationshipHolders).values({
          id: newId(),
          organisationId: h.organisationId,
          siteId: h.siteId,
          partnerContactId: h.partnerContactId,
          memberId: item.toMemberId,
          strength: 'weak',
          lastInteractionOn: null,
          recordedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
    }
    await recordAudit(tx, auditOf(context), {
      action: 'social_capital.handover',
      entityType: 'workforce_member',
      entityIds: [memberId, ...body.items.map((i) => i.holderId)],
      siteId: member.siteId,
      query: {
        passedOn: body.items.filter((i) => i.action === 'pass_on').length,
        lost: body.items.filter((i) => i.action === 'lost').length,
      },
    });
    return {
      passedOn: body.items.filter((i) => i.action === 'pass_on').length,
      lost: body.items.filter((i) => i.action === 'lost').length,
    };
  });
}

export async function siteCoverage(context: SocialCapitalContext, siteId: string): Promise<Coverage> {
  const { db, actor } = context;
  if (!actor.siteIds.includes(siteId)) throw notFound('site');
  const counts = await holderCounts(db, actor.organisationId, siteId);
  return { siteId, ...successionCoverage(counts) };
}
