import type { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import { newId } from '../db/ids.ts';
import { organisations } from '../modules/organisations/organisations.table.ts';
import { sites } from '../modules/sites/sites.table.ts';
import { withDatabase } from './with-database.ts';

/** `peerpath site …`: sites for people with shell access (the web app's admins use the Sites page). */
export function addSiteCommands(program: Command): void {
  const site = program.command('site').description('Sites of an organisation.');
  site
    .command('create')
    .description('Add a site to an organisation.')
    .requiredOption('--org <name>', 'organisation name')
    .requiredOption('--name <name>', 'site name (unique within the organisation)')
    .action(async (options: { org: string; name: string }) => {
      const name = options.name.trim();
      if (!name) throw new Error('Give the site a name.');
      await withDatabase(async ({ db }) => {
        const created = await db.transaction(async (tx) => {
          const found = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(eq(organisations.name, options.org));
          const organisation = found[0];
          if (!organisation)
            throw new Error(
              `No organisation is called "${options.org}". Create it with: peerpath org create`,
            );
          if (found.length > 1) throw new Error(`Several organisations are called "${options.org}".`);
          const [clash] = await tx
            .select({ id: sites.id })
            .from(sites)
            .where(and(eq(sites.organisationId, organisation.id), eq(sites.name, name)));
          if (clash) throw new Error(`"${options.org}" already has a site called "${name}".`);
          const [row] = await tx
            .insert(sites)
            .values({ id: newId(), organisationId: organisation.id, name })
            .returning({ id: sites.id });
          if (!row) throw new Error('insert returned no row');
          return row;
        });
        process.stdout.write(`Created site ${created.id} ("${name}") in "${options.org}".\n`);
      });
    });
}
