import { Command, InvalidArgumentError } from 'commander';
import { and, eq } from 'drizzle-orm';
import { type Role, roles } from '../../contract/roles.ts';
import { resolveAuthSecret } from '../auth/auth-secret.ts';
import { loadConfig } from '../config.ts';
import { describeDemoLogins, seedDemo } from '../demo/seed-demo.ts';
import { createOrganisation } from '../modules/organisations/organisations.service.ts';
import { organisations } from '../modules/organisations/organisations.table.ts';
import { sites } from '../modules/sites/sites.table.ts';
import { insertAccount } from '../modules/users/insert-account.ts';
import { findUserByEmail } from '../modules/users/users.repository.ts';
import { addImportCommands } from './import-commands.ts';
import { addReportCommands } from './report-commands.ts';
import { addSiteCommands } from './site-commands.ts';
import { withDatabase } from './with-database.ts';

const program = new Command()
  .name('peerpath')
  .description(
    'Peerpath administration: database, demo data and accounts. Reads the same environment as the server.',
  )
  .showHelpAfterError();

const collect = (value: string, previous: string[]) => [...previous, value];

program
  .command('migrate')
  .description('Apply the committed database migrations (the server also does this at start).')
  .action(async () => {
    await withDatabase(async (database) => {
      process.stdout.write(`Database is up to date (${database.kind}).\n`);
    });
  });

program
  .command('seed')
  .description('Create the demo organisation, sites and users if the database is empty.')
  .action(async () => {
    const config = loadConfig();
    if (!config.isDemoEnabled)
      throw new Error('Demo data is switched off (PEERPATH_DEMO=false or NODE_ENV=production).');
    await withDatabase(async ({ db }) => {
      const { isSeeded } = await seedDemo(db, { authSecret: resolveAuthSecret(config) });
      process.stdout.write(
        isSeeded
          ? describeDemoLogins('your Peerpath address')
          : 'The database already holds data; nothing seeded.\n',
      );
    });
  });

const org = program.command('org').description('Organisations.');
org
  .command('create')
  .description('Create an organisation with its sites.')
  .requiredOption('--name <name>', 'organisation name')
  .option('--site <name>', 'a site (repeat for several)', collect, [] as string[])
  .action(async (options: { name: string; site: string[] }) => {
    await withDatabase(async ({ db }) => {
      const { organisation, sites: created } = await db.transaction((tx) =>
        createOrganisation(tx, { name: options.name, siteNames: options.site }),
      );
      process.stdout.write(`Created organisation ${organisation.id} with ${created.length} site(s).\n`);
    });
  });

const parseRole = (value: string): Role => {
  if (!roles.includes(value as Role)) throw new InvalidArgumentError(`Choose one of: ${roles.join(', ')}.`);
  return value as Role;
};

const user = program.command('user').description('User accounts.');
user
  .command('create')
  .description(
    'Create a user who signs in with e-mail and password. The password is read from PEERPATH_NEW_PASSWORD.',
  )
  .requiredOption('--org <name>', 'organisation name')
  .requiredOption(
    '--site <name>',
    'a site the user works at (repeat for several; the first is the home site)',
    collect,
    [] as string[],
  )
  .requiredOption('--email <address>', 'e-mail address used to sign in')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--role <role>', `one of ${roles.join(', ')}`, parseRole)
  .action(async (options: { org: string; site: string[]; email: string; name: string; role: Role }) => {
    const password = process.env.PEERPATH_NEW_PASSWORD ?? '';
    if (password.length < 12)
      throw new Error('Set PEERPATH_NEW_PASSWORD to the new password (at least 12 characters).');
    await withDatabase(async ({ db }) => {
      await db.transaction(async (tx) => {
        const [organisation] = await tx
          .select()
          .from(organisations)
          .where(eq(organisations.name, options.org));
        if (!organisation)
          throw new Error(`No organisation is called "${options.org}". Create it with: peerpath org create`);
        const siteIds: string[] = [];
        for (const name of options.site) {
          const [site] = await tx
            .select()
            .from(sites)
            .where(and(eq(sites.organisationId, organisation.id), eq(sites.name, name)));
          if (!site) throw new Error(`The organisation has no site called "${name}".`);
          siteIds.push(site.id);
        }
        if (await findUserByEmail(tx, options.email.toLowerCase()))
          throw new Error('Someone already signs in with that e-mail address.');
        const { userId } = await insertAccount(tx, {
          organisationId: organisation.id,
          siteIds,
          password,
          ...options,
        });
        process.stdout.write(`Created user ${userId} (${options.role}).\n`);
      });
    });
  });

addSiteCommands(program);
addImportCommands(program);
addReportCommands(program);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`peerpath: ${(error as Error).message}\n`);
  process.exit(1);
});
