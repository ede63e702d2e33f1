import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../contract/roles.ts';
import type { Actor } from './actor.ts';

/** A uuid no row has: scoping to it matches nothing (an actor with no sites sees no records). */
const noSite = '00000000-0000-0000-0000-000000000000';

/** The sites an actor's queries are limited to, never empty (an empty IN list is invalid SQL). */
export function scopedSiteIds(actor: Actor): string[] {
  return actor.siteIds.length > 0 ? actor.siteIds : [noSite];
}

/**
 * The record scope of an actor as a WHERE clause: their organisation, and one of their sites.
 * Every repository query over personal data adds this, so "may I see it" and "fetch it" are one query
 * and a record out of scope is simply not found.
 */
export function inActorScope(actor: Actor, columns: { organisationId: PgColumn; siteId: PgColumn }): SQL {
  return and(
    eq(columns.organisationId, actor.organisationId),
    inArray(columns.siteId, scopedSiteIds(actor)),
  ) as SQL;
}

/** Roles that reach only the cases they are allocated to (lead or co-worker), not their whole site. */
export const caseloadScopedRoles: readonly Role[] = ['peer_supporter', 'volunteer'];

/**
 * The scope of case records: the actor's organisation and sites, and for peer supporters and
 * volunteers only the cases they work on. `caseId` is the column holding the case's id in the
 * queried table (cases.id, or contacts.case_id, …).
 */
export function inCaseScope(
  actor: Actor,
  columns: { organisationId: PgColumn; siteId: PgColumn; caseId: PgColumn },
): SQL {
  const base = and(inActorScope(actor, columns), notBarred(actor, columns.caseId)) as SQL;
  if (!caseloadScopedRoles.includes(actor.role)) return base;
  return and(
    base,
    sql`exists (select 1 from case_workers cw where cw.case_id = ${columns.caseId} and cw.user_id = ${actor.userId})`,
  ) as SQL;
}

/**
 * Per-person access limits (issue 6, item 7): a named person barred from a named case does not find
 * it, whatever their role, so the case, its contacts and everything reached through it answer 404.
 * A limit names one user and one case; there is no way to bar a role or a group (BRIEF §3).
 */
function notBarred(actor: Actor, caseId: PgColumn | SQL): SQL {
  return sql`not exists (select 1 from access_limits al where al.case_id = ${caseId} and al.user_id = ${actor.userId} and al.lifted_at is null)`;
}
