import { eq } from 'drizzle-orm';
import type { Complexity } from '../../../../contract/case-codes.ts';
import type { DbsLevel } from '../../../../contract/workforce-codes.ts';
import type { Db } from '../../../db/database.ts';
import { workforceSettings } from './people.table.ts';

export type WeeklyHours = { min: number; max: number };

export type WorkforceSettings = {
  shadowingSessionsToIntern: number;
  requiredCourseIds: string[];
  internCaseloadCap: number;
  internMaxComplexity: Complexity;
  volunteerMonthsMax: number;
  paidPeerMonthsMax: number;
  alertAtMonths: number;
  supervisionEveryDays: number;
  dbsRecheckMonths: number;
  requiredDbsLevel: DbsLevel;
  /** Expected hours a week by role; a missing role has no expectation. */
  expectedWeeklyHours: Partial<Record<string, WeeklyHours>>;
};

/** The hybrid model's defaults (source 000, appendix 1): 3–5 h a week new volunteers, 2–3 days interns. */
export const defaultWorkforceSettings: WorkforceSettings = {
  shadowingSessionsToIntern: 6,
  requiredCourseIds: [],
  internCaseloadCap: 3,
  internMaxComplexity: 'moderate',
  volunteerMonthsMax: 18,
  paidPeerMonthsMax: 18,
  alertAtMonths: 15,
  supervisionEveryDays: 14,
  dbsRecheckMonths: 36,
  requiredDbsLevel: 'enhanced',
  expectedWeeklyHours: {
    new_volunteer: { min: 3, max: 5 },
    intern_volunteer: { min: 15, max: 22.5 },
    paid_peer: { min: 37.5, max: 37.5 },
  },
};

/** An organisation's rules: its own row, or the defaults until a coordinator changes one. */
export async function workforceSettingsOf(db: Db, organisationId: string): Promise<WorkforceSettings> {
  const [row] = await db
    .select()
    .from(workforceSettings)
    .where(eq(workforceSettings.organisationId, organisationId));
  if (!row) return defaultWorkforceSettings;
  return {
    shadowingSessionsToIntern: row.shadowingSessionsToIntern,
    requiredCourseIds: row.requiredCourseIds,
    internCaseloadCap: row.internCaseloadCap,
    internMaxComplexity: row.internMaxComplexity as Complexity,
    volunteerMonthsMax: row.volunteerMonthsMax,
    paidPeerMonthsMax: row.paidPeerMonthsMax,
    alertAtMonths: row.alertAtMonths,
    supervisionEveryDays: row.supervisionEveryDays,
    dbsRecheckMonths: row.dbsRecheckMonths,
    requiredDbsLevel: row.requiredDbsLevel as DbsLevel,
    expectedWeeklyHours: row.expectedWeeklyHours ?? defaultWorkforceSettings.expectedWeeklyHours,
  };
}

export async function saveWorkforceSettings(
  db: Db,
  organisationId: string,
  settings: WorkforceSettings,
  by: { userId: string; at: Date },
) {
  const values = { ...settings, updatedAt: by.at, updatedBy: by.userId };
  await db
    .insert(workforceSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: workforceSettings.organisationId, set: values });
}
