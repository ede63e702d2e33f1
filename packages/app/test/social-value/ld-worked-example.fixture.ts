import { randomUUID } from 'node:crypto';
import { type FinancialProxy, type ImpactMap, updateImpactMapBody } from '../../src/contract/social-value.ts';
import { ldContent, ldProxies, ldSettings } from '../../src/server/demo/social-value-examples.ts';

/**
 * The L&D review's worked example as the report sees it (the same definition the demo seeds), and the
 * figures it must give, worked by hand from the review's Tables 2–7 (source 000 §3.5):
 *
 *   central            1,252,334 / 546,803      = 2.2903 → 2.29 (published 2.28)
 *   with volunteers    1,252,334 / 600,480.50   = 2.0855 → 2.09 (published 2.08; Table 3's own value 949,785 gives 1.58)
 *   conservative         626,167 / 546,803      = 1.1451 → 1.15 (published 1.14: truncated)
 *   conservative, vol.   626,167 / 600,480.50   = 1.0428 → 1.04
 *   optimistic         1,959,390 / 546,803      = 3.5834 → 3.58
 *   optimistic, vol.   1,959,390 / 600,480.50   = 3.2630 → 3.26
 *
 * Volunteer time: 7,157 hours × £7.50 (National Living Wage from 1 April 2017) = £53,677.50.
 */
export const ldExpected = {
  central: { inputs: 546_803, value: 1_252_334, ratio: 2.29 },
  central_volunteers: { inputs: 600_480.5, value: 1_252_334, ratio: 2.09 },
  conservative: { inputs: 546_803, value: 626_167, ratio: 1.15 },
  conservative_volunteers: { inputs: 600_480.5, value: 626_167, ratio: 1.04 },
  optimistic: { inputs: 546_803, value: 1_959_390, ratio: 3.58 },
  optimistic_volunteers: { inputs: 600_480.5, value: 1_959_390, ratio: 3.26 },
} as const;

export const ldExpectedVerdicts = {
  'Table 2 (central)': 'inconsistent',
  'Table 3 (with volunteer time)': 'inconsistent',
  'Table 4 (conservative)': 'truncated',
  'Table 5 (conservative, with volunteer time)': 'consistent',
  'Table 6 (optimistic)': 'consistent',
  'Table 7 (optimistic, with volunteer time)': 'consistent',
} as const;

/** The worked example as a map (with made-up ids) and its two proxies, ready for `buildReport`. */
export function ldWorkedExample(): { map: ImpactMap; proxies: Map<string, FinancialProxy> } {
  const proxyIds = { central: randomUUID(), optimistic: randomUUID() };
  const body = updateImpactMapBody.parse({ version: 1, ...ldSettings, ...ldContent(proxyIds) });
  const stakeholderId = randomUUID();
  const siteId = randomUUID();
  const map: ImpactMap = {
    ...body,
    id: randomUUID(),
    siteId,
    siteName: 'Wiltshire',
    sites: [{ id: siteId, name: 'Wiltshire' }],
    updatedAt: new Date().toISOString(),
    stakeholders: body.stakeholders.map((s) => ({ key: stakeholderId, name: s.name })),
    outcomes: body.outcomes.map((o) => ({ ...o, id: randomUUID(), stakeholderKey: stakeholderId })),
    costs: body.costs.map((c) => ({ ...c, id: randomUUID() })),
  };
  const proxies = new Map<string, FinancialProxy>(
    (['central', 'optimistic'] as const).map((which) => [
      `organisation:${proxyIds[which]}`,
      {
        ref: { kind: 'organisation', id: proxyIds[which] },
        isShippable: false,
        ...ldProxies[which],
        notes: ldProxies[which].notes,
      },
    ]),
  );
  return { map, proxies };
}
