import type { CaseloadLevel } from '../../../contract/caseload.ts';

export type CaseloadThresholds = { caseloadTarget: number; caseloadWarning: number; caseloadAlert: number };

/**
 * How full a worker's caseload is, counting the cases they lead: from the warning level they are
 * getting busy, above the usual size they are over target, and at the alert level something must
 * change (Leeds navigators reached 20; 8–12 was sustainable).
 */
export function caseloadLevel(leadCases: number, t: CaseloadThresholds): CaseloadLevel {
  if (leadCases >= t.caseloadAlert) return 'alert';
  if (leadCases > t.caseloadTarget) return 'over_target';
  if (leadCases >= t.caseloadWarning) return 'warning';
  return 'ok';
}

/** Whole days between two UK dates (yyyy-mm-dd), later minus earlier. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}
