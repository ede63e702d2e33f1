import { TZDate } from '@date-fns/tz';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  contactImportKey,
  type ExistingCase,
  type ImportedContacts,
  type ImportedReferral,
} from './mds-import.rules.ts';

/**
 * The SQL of an MDS import. The site has already been resolved in the caller's scope (or named on
 * the command line), so every query here is limited to that one site by its id.
 */

/** Rows per statement: large enough to be fast, small enough to stay far inside the statement timeout. */
const batchSize = 5_000;

/** The site's cases by local case id, with the dates the import's checks need. */
export async function readSiteCasesForImport(db: Db, siteId: string): Promise<Map<string, ExistingCase>> {
  const rows = rowsOf<{
    local_case_id: string;
    referred_on: string;
    discharged_on: string | null;
    first_contact_on: string | null;
    last_contact_on: string | null;
  }>(
    await db.execute(sql`
      select c.local_case_id, c.referred_on::text as referred_on, c.discharged_on::text as discharged_on,
        min(ct.contacted_on)::text as first_contact_on, max(ct.contacted_on)::text as last_contact_on
      from cases c left join contacts ct on ct.case_id = c.id
      where c.site_id = ${siteId}
      group by c.id`),
  );
  return new Map(
    rows.map((row) => [
      row.local_case_id,
      {
        referredOn: row.referred_on,
        dischargedOn: row.discharged_on,
        firstContactOn: row.first_contact_on,
        lastContactOn: row.last_contact_on,
      },
    ]),
  );
}

export type WrittenCounts = {
  referrals: { created: number; updated: number; unchanged: number };
  contacts: { created: number; unchanged: number };
};

/**
 * Writes validated rows; call it inside the import's one transaction. Referrals are upserted on
 * (site, local case id) and a row is only touched when one of its imported values differs, so a
 * re-import changes nothing; contacts are inserted once per import key.
 */
export async function writeMdsImport(
  tx: Db,
  input: {
    organisationId: string;
    siteId: string;
    referrals: ImportedReferral[];
    contacts: ImportedContacts;
    now: Date;
    onProgress?: (rowsWritten: number) => void;
  },
): Promise<WrittenCounts> {
  const { organisationId, siteId, referrals, contacts } = input;
  const now = input.now.toISOString();
  let rowsWritten = 0;
  // Two imports of one site write one after the other (their checks ran against the same data).
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`peerpath:mds-import:${siteId}`}, 0))`,
  );

  const counts: WrittenCounts = {
    referrals: { created: 0, updated: 0, unchanged: 0 },
    contacts: { created: 0, unchanged: 0 },
  };
  for (let start = 0; start < referrals.length; start += batchSize) {
    const batch = referrals.slice(start, start + batchSize);
    const { created, updated } = await upsertReferrals(tx, { organisationId, siteId, now, batch });
    counts.referrals.created += created;
    counts.referrals.updated += updated;
    counts.referrals.unchanged += batch.length - created - updated;
    rowsWritten += batch.length;
    input.onProgress?.(rowsWritten);
  }

  const total = contacts.caseKeys.length;
  if (total === 0) return counts;
  const caseIds = await caseIdsAt(tx, siteId);
  const middayOf = middayInLondon();
  for (let start = 0; start < total; start += batchSize) {
    const end = Math.min(total, start + batchSize);
    const ids: string[] = [];
    const cases: string[] = [];
    const dates: string[] = [];
    const moments: string[] = [];
    const types: string[] = [];
    const keys: string[] = [];
    for (let i = start; i < end; i++) {
      const caseKey = contacts.caseKeys[i] as string;
      const date = contacts.dates[i] as string;
      const type = contacts.types[i] as ImportedContacts['types'][number];
      const caseId = caseIds.get(caseKey);
      if (!caseId) throw new Error('an imported contact’s case is missing from its site');
      ids.push(newId());
      cases.push(caseId);
      dates.push(date);
      moments.push(middayOf(date));
      types.push(type);
      keys.push(contactImportKey(caseKey, date, type, contacts.occurrences[i] as number));
    }
    const [row] = rowsOf<{ created: number }>(
      await tx.execute(sql`
        with inserted as (
          insert into contacts (id, organisation_id, site_id, case_id, contacted_on, contacted_at, type,
            outcome, import_key, created_at)
          select i.id, ${organisationId}, ${siteId}, i.case_id, i.contacted_on, i.contacted_at, i.type,
            'made', i.import_key, ${now}::timestamptz
          from unnest(${sql.param(ids)}::uuid[], ${sql.param(cases)}::uuid[], ${sql.param(dates)}::date[],
            ${sql.param(moments)}::timestamptz[], ${sql.param(types)}::text[], ${sql.param(keys)}::text[])
            as i(id, case_id, contacted_on, contacted_at, type, import_key)
          on conflict (site_id, import_key) do nothing
          returning 1
        )
        select count(*)::int as created from inserted`),
    );
    const created = Number(row?.created ?? 0);
    counts.contacts.created += created;
    counts.contacts.unchanged += end - start - created;
    rowsWritten += end - start;
    input.onProgress?.(rowsWritten);
  }
  return counts;
}

/**
 * A stepped-down case stays stepped down when the data set says "engaged" and gives no discharge:
 * the data set has no step-down, and both mean an engaged, open case.
 */
const statusAfterImport = sql`case when c.status = 'stepped_down' and excluded.status = 'active'
  then c.status else excluded.status end`;

async function upsertReferrals(
  tx: Db,
  {
    organisationId,
    siteId,
    now,
    batch,
  }: { organisationId: string; siteId: string; now: string; batch: ImportedReferral[] },
): Promise<{ created: number; updated: number }> {
  const column = <T>(pick: (r: ImportedReferral) => T) => sql.param(batch.map(pick));
  const [row] = rowsOf<{ created: number; updated: number }>(
    await tx.execute(sql`
      with upserted as (
        insert into cases as c (id, organisation_id, site_id, local_case_id, referral_source, referred_on,
          engagement, status, imported_first_contact_on, discharged_on, created_at, updated_at)
        select i.id, ${organisationId}, ${siteId}, i.local_case_id, i.referral_source, i.referred_on,
          i.engagement, i.status, i.imported_first_contact_on, i.discharged_on, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${column(() => newId())}::uuid[], ${column((r) => r.localCaseId)}::text[],
          ${column((r) => r.referralSource)}::text[], ${column((r) => r.referredOn)}::date[],
          ${column((r) => r.engagement)}::text[], ${column((r) => r.status)}::text[],
          ${column((r) => r.firstContactOn)}::date[], ${column((r) => r.dischargedOn)}::date[])
          as i(id, local_case_id, referral_source, referred_on, engagement, status,
            imported_first_contact_on, discharged_on)
        on conflict (site_id, local_case_id) do update set
          referral_source = excluded.referral_source,
          referral_source_other = case when excluded.referral_source = 'other' then c.referral_source_other end,
          referred_on = excluded.referred_on,
          engagement = excluded.engagement,
          status = ${statusAfterImport},
          imported_first_contact_on = excluded.imported_first_contact_on,
          discharged_on = excluded.discharged_on,
          discharge_reason = case when excluded.discharged_on is not null then c.discharge_reason end,
          is_closed_automatically = excluded.discharged_on is not null and c.is_closed_automatically,
          updated_at = excluded.updated_at
        where (c.referral_source, c.referred_on, c.engagement, c.status, c.imported_first_contact_on,
            c.discharged_on)
          is distinct from (excluded.referral_source, excluded.referred_on, excluded.engagement,
            ${statusAfterImport}, excluded.imported_first_contact_on, excluded.discharged_on)
        -- xmax is 0 on a row this statement inserted, and set on one it updated.
        returning (c.xmax = 0) as is_new
      )
      select (count(*) filter (where is_new))::int as created,
        (count(*) filter (where not is_new))::int as updated
      from upserted`),
  );
  return { created: Number(row?.created ?? 0), updated: Number(row?.updated ?? 0) };
}

/** Every case id at the site by its local case id (after the referrals are written). */
async function caseIdsAt(tx: Db, siteId: string): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; local_case_id: string }>(
    await tx.execute(sql`select id, local_case_id from cases where site_id = ${siteId}`),
  );
  return new Map(rows.map((row) => [row.local_case_id, row.id]));
}

/** Midday in the UK on a calendar date (an imported contact's time is unknown), as an ISO instant. */
function middayInLondon(): (date: string) => string {
  const cache = new Map<string, string>();
  return (date) => {
    let moment = cache.get(date);
    if (!moment) {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      moment = new Date(new TZDate(year, month - 1, day, 12, 0, 0, 'Europe/London').getTime()).toISOString();
      cache.set(date, moment);
    }
    return moment;
  };
}
