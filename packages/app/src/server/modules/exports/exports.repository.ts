import { sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { inCaseScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';
import { cases } from '../cases/cases.table.ts';
import { sites } from '../sites/sites.table.ts';

const inScope = (actor: Actor) =>
  inCaseScope(actor, { organisationId: cases.organisationId, siteId: cases.siteId, caseId: cases.id });

export type MdsRow = {
  caseId: string;
  localCaseId: string;
  referralSource: string;
  referredOn: string;
  engagement: string;
  faceToFace: number;
  telephone: number;
  other: number;
  firstContactOn: string | null;
  dischargedOn: string | null;
};

/**
 * The cases of one site active in a month — referred on or before its last day and not discharged
 * before its first — with their contacts made in that month by type. The date of first contact is
 * the earlier of the first contact made (at any date) and the one an import reported, which it
 * reports only because its contacts file does not go back that far.
 */
export async function listMdsRows(
  db: Db,
  actor: Actor,
  { siteId, first, last }: { siteId: string; first: string; last: string },
): Promise<MdsRow[]> {
  const result = await db.execute(sql`
    select ${cases.id} as "caseId", ${cases.localCaseId} as "localCaseId",
      ${cases.referralSource} as "referralSource", ${cases.referredOn}::text as "referredOn",
      ${cases.engagement} as engagement,
      coalesce(k.face_to_face, 0)::int as "faceToFace",
      coalesce(k.telephone, 0)::int as telephone,
      coalesce(k.other, 0)::int as other,
      least(k.first_made, ${cases.importedFirstContactOn})::text as "firstContactOn",
      ${cases.dischargedOn}::text as "dischargedOn"
    from ${cases}
      left join lateral (
        select
          count(*) filter (where ct.type = 'face_to_face' and ct.contacted_on between ${first} and ${last}) as face_to_face,
          count(*) filter (where ct.type = 'telephone' and ct.contacted_on between ${first} and ${last}) as telephone,
          count(*) filter (where ct.type = 'other' and ct.contacted_on between ${first} and ${last}) as other,
          min(ct.contacted_on) as first_made
        from contacts ct
        where ct.case_id = ${cases.id} and ct.outcome = 'made'
      ) k on true
    where ${inScope(actor)} and ${cases.siteId} = ${siteId}
      and ${cases.referredOn} <= ${last}
      and (${cases.dischargedOn} is null or ${cases.dischargedOn} >= ${first})
    order by ${cases.referredOn}, ${cases.localCaseId}`);
  return rowsOf<MdsRow>(result);
}

export type PseudonymisedRow = {
  caseId: string;
  site: string;
  referralSource: string;
  referredOn: string;
  engagement: string;
  status: string;
  needs: string;
  complexity: string | null;
  gender: string | null;
  birthYear: number | null;
  dischargedOn: string | null;
  dischargeReason: string | null;
  faceToFace: number;
  telephone: number;
  other: number;
  daysOnBooks: number | null;
};

/**
 * The cases of one site referred in a range, without anything that names or reaches a person: no
 * name, phone or local case id, and only the year of birth (the full date never leaves the database).
 * The case id is returned only to be replaced by a keyed hash before anything is written.
 */
export async function listPseudonymisedRows(
  db: Db,
  actor: Actor,
  { siteId, from, to }: { siteId: string; from?: string | undefined; to?: string | undefined },
): Promise<PseudonymisedRow[]> {
  const result = await db.execute(sql`
    select ${cases.id} as "caseId", ${sites.name} as site,
      ${cases.referralSource} as "referralSource", ${cases.referredOn}::text as "referredOn",
      ${cases.engagement} as engagement, ${cases.status} as status,
      array_to_string(${cases.needs}, ';') as needs,
      ${cases.complexity} as complexity, ${cases.gender} as gender,
      extract(year from ${cases.dateOfBirth})::int as "birthYear",
      ${cases.dischargedOn}::text as "dischargedOn", ${cases.dischargeReason} as "dischargeReason",
      coalesce(k.face_to_face, 0)::int as "faceToFace",
      coalesce(k.telephone, 0)::int as telephone,
      coalesce(k.other, 0)::int as other,
      (${cases.dischargedOn} - ${cases.referredOn})::int as "daysOnBooks"
    from ${cases}
      join ${sites} on ${sites.id} = ${cases.siteId}
      left join lateral (
        select
          count(*) filter (where ct.type = 'face_to_face') as face_to_face,
          count(*) filter (where ct.type = 'telephone') as telephone,
          count(*) filter (where ct.type = 'other') as other
        from contacts ct
        where ct.case_id = ${cases.id} and ct.outcome = 'made'
      ) k on true
    where ${inScope(actor)} and ${cases.siteId} = ${siteId}
      ${from ? sql`and ${cases.referredOn} >= ${from}` : sql``}
      ${to ? sql`and ${cases.referredOn} <= ${to}` : sql``}
    order by ${cases.referredOn}`);
  return rowsOf<PseudonymisedRow>(result);
}
