import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.ts';

/**
 * The record scope of an actor as a WHERE clause: their organisation, and one of their sites.
 * Every repository query over personal data adds this, so "may I see it" and "fetch it" are one query
 * and a record out of scope is simply not found.
 */
export function inActorScope(actor: Actor, columns: { organisationId: PgColumn; siteId: PgColumn }): SQL {
  const clause = and(
    eq(columns.organisationId, actor.organisationId),
    actor.siteIds.length > 0
      ? inArray(columns.siteId, actor.siteIds)
      : eq(columns.siteId, '00000000-0000-0000-0000-000000000000'),
  );
  if (!clause) throw new Error('unreachable: scope clause is never empty');
  return clause;
}

export function inActorOrganisation(actor: Actor, organisationId: PgColumn): SQL {
  return eq(organisationId, actor.organisationId);
}
