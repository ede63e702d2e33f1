import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import type { MdsFile } from '../../contract/imports.ts';
import { systemClock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { importMds } from '../modules/imports/mds-import.service.ts';
import { organisations } from '../modules/organisations/organisations.table.ts';
import { sites } from '../modules/sites/sites.table.ts';
import { withDatabase } from './with-database.ts';

/**
 * The site named on the command line. Without --org, the one organisation that has a site of that
 * name; several are an error that says to add --org.
 */
async function findNamedSite(db: Db, { site, org }: { site: string; org?: string | undefined }) {
  const found = await db
    .select({
      id: sites.id,
      name: sites.name,
      organisationId: sites.organisationId,
      organisationName: organisations.name,
    })
    .from(sites)
    .innerJoin(organisations, eq(organisations.id, sites.organisationId))
    .where(org ? and(eq(sites.name, site), eq(organisations.name, org)) : eq(sites.name, site));
  if (found.length === 0)
    throw new Error(
      `No ${org ? `site of "${org}"` : 'site'} is called "${site}". Create it with: peerpath site create --org "<organisation>" --name "${site}"`,
    );
  if (found.length > 1)
    throw new Error(
      `${org ? `Several organisations called "${org}"` : 'Several organisations'} have a site called "${site}": say which with --org "<organisation name>".`,
    );
  return found[0] as (typeof found)[number];
}

type ImportOptions = { site: string; org?: string; referrals: string; contacts: string };

const count = (n: number) => n.toLocaleString('en-GB');

/** `peerpath import …`: loading data from other systems. */
export function addImportCommands(program: Command): void {
  const importCommand = program.command('import').description('Import data from other systems.');
  importCommand
    .command('mds')
    .description(
      'Import the NHS England monthly data set (referrals and contacts CSV files) for one site. Every row is checked first; if any is wrong, nothing is imported and each problem is listed with its line. Importing the same files again changes nothing.',
    )
    .requiredOption('--site <name>', 'the site the data set is for (rows of other sites are skipped)')
    .option('--org <name>', 'the organisation (needed only when several have a site of that name)')
    .requiredOption('--referrals <file>', 'the referrals CSV file')
    .requiredOption('--contacts <file>', 'the contacts CSV file')
    .action(async (options: ImportOptions) => {
      const paths: Record<MdsFile, string> = { referrals: options.referrals, contacts: options.contacts };
      for (const [file, path] of Object.entries(paths)) {
        await access(path).catch(() => {
          throw new Error(`Cannot read the ${file} file "${path}".`);
        });
      }
      const labels: Record<MdsFile, string> = {
        referrals: basename(paths.referrals),
        contacts: basename(paths.contacts),
      };
      const result = await withDatabase(async ({ db }) => {
        const site = await findNamedSite(db, options);
        return importMds({
          db,
          clock: systemClock,
          site,
          files: {
            referrals: { name: labels.referrals, open: () => createReadStream(paths.referrals) },
            contacts: { name: labels.contacts, open: () => createReadStream(paths.contacts) },
          },
          // The command line acts as the system, in the site's organisation.
          audit: {
            actor: { organisationId: site.organisationId, userId: null, role: 'system' },
            requestId: null,
          },
        });
      });
      if (!result.ok) {
        for (const e of result.errors)
          process.stderr.write(
            `${labels[e.file]} line ${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}\n`,
          );
        throw new Error(
          `Nothing was imported: ${count(result.errorCount)} ${result.errorCount === 1 ? 'problem' : 'problems'} (listed above).`,
        );
      }
      const { referrals, contacts } = result.counts;
      process.stdout.write(
        [
          `Imported the data set for "${options.site}" (${count(result.rowsRead)} rows read).`,
          `Referrals: ${count(referrals.created)} new, ${count(referrals.updated)} updated, ${count(referrals.unchanged)} unchanged, ${count(referrals.skippedOtherSite)} skipped (another site).`,
          `Contacts: ${count(contacts.created)} new, ${count(contacts.unchanged)} already imported, ${count(contacts.skippedOtherSite)} skipped (another site's cases).`,
          '',
        ].join('\n'),
      );
    });
}
