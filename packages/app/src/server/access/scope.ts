import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
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
