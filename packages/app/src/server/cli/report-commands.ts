import { type Command, InvalidArgumentError, Option } from 'commander';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { isoDate } from '../../contract/case-codes.ts';
import type { Db } from '../db/database.ts';
import { organisations } from '../modules/organisations/organisations.table.ts';
import { caseloadReportForSites } from '../modules/reports/reports.service.ts';
import { sites } from '../modules/sites/sites.table.ts';
import { caseloadReportCsv, caseloadReportTable } from './caseload-report-format.ts';
import { withDatabase } from './with-database.ts';

const formats = ['json', 'table', 'csv'] as const;
type Format = (typeof formats)[number];

const collect = (value: string, previous: string[]) => [...previous, value];
const parseDate = (value: string) => {
  if (!isoDate.safeParse(value).success) throw new InvalidArgumentError('Write the date as yyyy-mm-dd.');
  return value;
};

type CaseloadOptions = { site: string[]; org?: string; from?: string; to?: string; format: Format };

function organisationsWithAll(names: string[], found: { organisationId: string; name: string }[]) {
  // Site names are unique within an organisation, so counting them is enough.
  const counts = new Map<string, number>();
  for (const s of found) counts.set(s.organisationId, (counts.get(s.organisationId) ?? 0) + 1);
  return [...counts].filter(([, n]) => n === names.length).map(([id]) => id);
}

/**
 * The organisation and sites a report is for. Without --org, the organisation is the only one that
 * has every site named (or the only one there is, when no site is named); anything else is ambiguous.
 */
async function resolveSites(db: Db, options: CaseloadOptions) {
  const names = [...new Set(options.site)];
  let organisationId: string;
  if (options.org) {
    const [organisation] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, options.org));
    if (!organisation) throw new Error(`No organisation is called "${options.org}".`);
    organisationId = organisation.id;
  } else {
    const matching =
      names.length > 0
        ? organisationsWithAll(
            names,
            await db
              .select({ organisationId: sites.organisationId, name: sites.name })
              .from(sites)
              .where(inArray(sites.name, names)),
          )
        : (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
    const named = names.map((n) => `"${n}"`).join(' and ');
    if (matching.length === 0)
      throw new Error(
        names.length > 0
          ? `No organisation has a site called ${named}.`
          : 'There is no organisation yet. Create one with: peerpath org create',
      );
    if (matching.length > 1)
      throw new Error(
        `${names.length > 0 ? `Several organisations have a site called ${named}` : 'There are several organisations'}: say which with --org "<organisation name>".`,
      );
    organisationId = matching[0] as string;
  }
  const found = await db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(
      names.length > 0
        ? and(eq(sites.organisationId, organisationId), inArray(sites.name, names))
        : eq(sites.organisationId, organisationId),
    )
    .orderBy(asc(sites.name));
  const missing = names.filter((n) => !found.some((s) => s.name === n));
  if (missing.length > 0) throw new Error(`The organisation has no site called "${missing[0]}".`);
  return { organisationId, sites: found };
}

/** `peerpath report …`: reports for people with shell access (aggregates only, so nothing is audited). */
export function addReportCommands(program: Command): void {
  const report = program.command('report').description('Reports, printed to standard output.');
  report
    .command('caseload')
    .description(
      'The caseload report (Table 1 of the Liaison and Diversion review): cases referred in the range, all time by default.',
    )
    .option('--site <name>', 'a site (repeat for several; default: every site)', collect, [] as string[])
    .option('--org <name>', 'the organisation (needed only when several have the sites named)')
    .option('--from <yyyy-mm-dd>', 'first referral date to count', parseDate)
    .option('--to <yyyy-mm-dd>', 'last referral date to count', parseDate)
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('table'))
    .action(async (options: CaseloadOptions) => {
      if (options.from && options.to && options.from > options.to)
        throw new Error('--from must be on or before --to.');
      const result = await withDatabase(async ({ db }) => {
        const { organisationId, sites: chosen } = await resolveSites(db, options);
        return caseloadReportForSites(db, {
          organisationId,
          sites: chosen,
          range: { from: options.from, to: options.to },
        });
      });
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : options.format === 'csv'
            ? caseloadReportCsv(result)
            : caseloadReportTable(result),
      );
    });
}
