import type { Role } from '../../../contract/roles.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { sites as sitesTable } from '../sites/sites.table.ts';
import { organisations } from './organisations.table.ts';

export type NewOrganisation = { name: string; siteNames: string[]; twoFactorRequiredRoles?: Role[] };

/** An organisation and its first sites (used by the CLI and the demo seed). */
export async function createOrganisation(db: Db, input: NewOrganisation) {
  const [organisation] = await db
    .insert(organisations)
    .values({
      id: newId(),
      name: input.name,
      twoFactorRequiredRoles: input.twoFactorRequiredRoles ?? ['admin', 'coordinator'],
    })
    .returning();
  if (!organisation) throw new Error('insert returned no row');
  const sites = input.siteNames.length
    ? await db
        .insert(sitesTable)
        .values(input.siteNames.map((name) => ({ id: newId(), organisationId: organisation.id, name })))
        .returning()
    : [];
  return { organisation, sites };
}
