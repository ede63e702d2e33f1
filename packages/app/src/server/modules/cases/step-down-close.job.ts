import { eq, sql } from 'drizzle-orm';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { rowsOf } from '../../db/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { isDueForAutomaticClose } from './case.rules.ts';
import { cases } from './cases.table.ts';

type Candidate = {
  id: string;
  organisation_id: string;
  site_id: string;
  local_case_id: string;
  stepped_down_at: Date | string;
  last_contact_at: Date | string | null;
  months: number;
  lead_user_id: string | null;
};

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * The "parking bay" rule: a case left in step-down with no contact for the site's set number of months
 * (default 4) is discharged. Each closure is audited as the system's act and its lead worker is told.
 * Safe to run from several processes at once: rows are locked and skipped by the others.
 */
export async function closeStaleStepDowns({
  db,
  clock,
}: {
  db: Db;
  clock: Clock;
}): Promise<{ closed: string[] }> {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      select c.id, c.organisation_id, c.site_id, c.local_case_id, c.stepped_down_at,
        (select max(ct.contacted_at) from contacts ct where ct.case_id = c.id) as last_contact_at,
        s.step_down_close_after_months as months,
        (select cw.user_id from case_workers cw where cw.case_id = c.id and cw.role = 'lead') as lead_user_id
      from cases c join sites s on s.id = c.site_id
      where c.status = 'stepped_down' and c.stepped_down_at is not null
      for update of c skip locked`);
    const rows = rowsOf<Candidate>(result);
    const now = clock.now();
    const today = ukDateOf(now);
    const closed: string[] = [];
    for (const row of rows) {
      const isDue = isDueForAutomaticClose(
        {
          status: 'stepped_down',
          steppedDownAt: asDate(row.stepped_down_at),
          lastContactAt: asDate(row.last_contact_at),
        },
        now,
        row.months,
      );
      if (!isDue) continue;
      await tx
        .update(cases)
        .set({
          status: 'discharged',
          dischargedOn: today,
          dischargeReason: 'other',
          isClosedAutomatically: true,
          updatedAt: now,
        })
        .where(eq(cases.id, row.id));
      await recordAudit(
        tx,
        {
          actor: { organisationId: row.organisation_id, userId: null, role: 'system' },
          requestId: null,
          clock,
        },
        {
          action: 'case.close_after_step_down',
          entityType: 'case',
          entityIds: [row.id],
          siteId: row.site_id,
          query: { months: row.months },
        },
      );
      if (row.lead_user_id)
        await notify(tx, clock, {
          organisationId: row.organisation_id,
          siteId: row.site_id,
          userId: row.lead_user_id,
          kind: 'case_closed_after_step_down',
          caseId: row.id,
          message: `Case ${row.local_case_id} was closed after ${row.months} months in step-down with no contact. A coordinator can reopen it.`,
        });
      closed.push(row.id);
    }
    return { closed };
  });
}
