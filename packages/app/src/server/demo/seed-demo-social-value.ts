import { updateImpactMapBody } from '../../contract/social-value.ts';
import { ukDateOf } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { insertImpactMap, insertProxy } from '../modules/social-value/social-value.repository.ts';
import { settingsColumns, writeMapContent } from '../modules/social-value/social-value.service.ts';
import { ldContent, ldProxies, ldSettings, liveDemoMap } from './social-value-examples.ts';

const day = 86_400_000;

/**
 * The demo's impact maps, both at the first demo site (Wiltshire): the L&D review's worked example
 * (its published totals recomputed, Table 3's contradiction flagged) and a map linked to the site's
 * live records for the last twelve months.
 */
export async function seedDemoSocialValue(
  db: Db,
  {
    organisationId,
    siteId,
    createdBy,
    now,
  }: { organisationId: string; siteId: string; createdBy: string; now: Date },
): Promise<void> {
  const proxyIds = { central: newId(), optimistic: newId() };
  for (const [which, proxy] of Object.entries(ldProxies) as [
    keyof typeof proxyIds,
    (typeof ldProxies)['central'],
  ][])
    await insertProxy(db, {
      id: proxyIds[which],
      organisationId,
      ...proxy,
      isShippable: false,
      createdBy,
      createdAt: now,
    });

  const maps = [
    { ...ldSettings, ...ldContent(proxyIds) },
    liveDemoMap({ from: ukDateOf(new Date(now.getTime() - 364 * day)), to: ukDateOf(now) }),
  ];
  for (const input of maps) {
    const body = updateImpactMapBody.parse({ version: 1, ...input });
    const id = newId();
    const { stakeholders, outcomes, costs, version: _version, ...settings } = body;
    await insertImpactMap(db, {
      id,
      organisationId,
      siteId,
      ...settingsColumns(settings),
      createdBy,
      createdAt: now,
      updatedBy: createdBy,
      updatedAt: now,
    });
    await writeMapContent(db, { id, organisationId, siteId }, { stakeholders, outcomes, costs });
  }
}
