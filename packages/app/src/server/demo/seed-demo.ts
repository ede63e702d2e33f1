import { symmetricEncrypt } from 'better-auth/crypto';
import { count } from 'drizzle-orm';
import { twoFactors } from '../auth/auth.table.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { createOrganisation } from '../modules/organisations/organisations.service.ts';
import { organisations } from '../modules/organisations/organisations.table.ts';
import { insertAccount } from '../modules/users/insert-account.ts';
import { type DemoAccount, demoAccounts, demoOrganisation, demoPassword } from './demo-accounts.ts';
// Daily check-ins (issue 5)
import { seedDemoCheckIns } from './seed-demo-check-ins.ts';
// Outcomes (issue 5)
import { seedDemoOutcomes } from './seed-demo-outcomes.ts';
import { seedDemoPeerWorkforceExtras } from './seed-demo-peer-workforce-extras.ts';
import { type DemoWorker, seedDemoRecords } from './seed-demo-records.ts';
import { seedDemoSocialValue } from './seed-demo-social-value.ts';
import { seedDemoWorkforce } from './seed-demo-workforce.ts';

/** Recovery codes for demo accounts with two-factor: fixed, like the TOTP secrets, and printed at start. */
export const demoRecoveryCodes = Array.from(
  { length: 10 },
  (_, i) => `demo0-${String(i + 1).padStart(5, '0')}`,
);

export type DemoSeedResult = { isSeeded: boolean; accounts: DemoAccount[] };

/** Creates the demo organisation on an empty database; does nothing if any organisation exists. */
export async function seedDemo(db: Db, { authSecret }: { authSecret: string }): Promise<DemoSeedResult> {
  const [existing] = await db.select({ total: count() }).from(organisations);
  if ((existing?.total ?? 0) > 0) return { isSeeded: false, accounts: demoAccounts };
  await db.transaction(async (tx) => {
    const { organisation, sites } = await createOrganisation(tx, {
      name: demoOrganisation.name,
      siteNames: [...demoOrganisation.sites],
      twoFactorRequiredRoles: demoOrganisation.twoFactorRequiredRoles,
    });
    const siteIdByName = new Map(sites.map((s) => [s.name, s.id]));
    const workers: DemoWorker[] = [];
    for (const account of demoAccounts) {
      const siteIds = account.sites.map((name) => siteIdByName.get(name) as string);
      const { userId } = await insertAccount(tx, {
        organisationId: organisation.id,
        name: account.name,
        email: account.email,
        role: account.role,
        siteIds,
        password: demoPassword,
        isTwoFactorEnabled: account.totpSecret !== undefined,
      });
      for (const siteId of siteIds) workers.push({ userId, role: account.role, siteId });
      if (account.totpSecret) {
        // better-auth reads a "base32:"-prefixed secret as the base32 text an authenticator app is given.
        await tx.insert(twoFactors).values({
          id: newId(),
          userId,
          secret: await symmetricEncrypt({ key: authSecret, data: `base32:${account.totpSecret}` }),
          backupCodes: await symmetricEncrypt({ key: authSecret, data: JSON.stringify(demoRecoveryCodes) }),
          verified: true,
        });
      }
    }
    await seedDemoRecords(tx, { organisationId: organisation.id, sites, workers, now: new Date() });
    // Outcomes (issue 5): instruments and survey responses (before the social value map, which may follow them).
    await seedDemoOutcomes(tx, {
      organisationId: organisation.id,
      createdBy: workers.find((w) => w.role === 'coordinator')?.userId as string,
      now: new Date(),
    });
    // Daily check-ins (issue 5): a fortnight for five cases at the first site.
    await seedDemoCheckIns(tx, {
      siteId: sites[0]?.id as string,
      coordinatorUserId: workers.find((w) => w.role === 'coordinator' && w.siteId === sites[0]?.id)
        ?.userId as string,
      now: new Date(),
    });
    // Peer workforce (issue 6: workforce helper): every stage, a cohort, supervision, hours, checks.
    await seedDemoWorkforce(tx, {
      organisationId: organisation.id,
      sites,
      workers,
      now: new Date(),
    });
    // Safeguarding, social capital register, voice (issue 6: session helper), after the workforce.
    await seedDemoPeerWorkforceExtras(tx, {
      organisationId: organisation.id,
      sites,
      workers,
      now: new Date(),
    });
    await seedDemoSocialValue(tx, {
      organisationId: organisation.id,
      siteId: sites[0]?.id as string,
      createdBy: workers.find((w) => w.role === 'coordinator')?.userId as string,
      now: new Date(),
    });
  });
  return { isSeeded: true, accounts: demoAccounts };
}

export function describeDemoLogins(url: string): string {
  const lines = [
    '',
    `Peerpath demo is running at ${url}`,
    `Every demo account's password: ${demoPassword}`,
    '',
    ...demoAccounts.map((a) =>
      `  ${a.role.padEnd(15)} ${a.email.padEnd(36)} ${a.totpSecret ? `two-factor secret ${a.totpSecret}` : ''}`.trimEnd(),
    ),
    '',
    `Two-factor accounts: add the secret to an authenticator app, or use a recovery code such as ${demoRecoveryCodes[0]}.`,
    'Demo data is synthetic. Demo mode is refused when NODE_ENV=production.',
    '',
  ];
  return lines.join('\n');
}
