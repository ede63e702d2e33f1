/** One enrolment as the funnel sees it. */
export type FunnelEnrolment = {
  status: 'registered' | 'attending' | 'completed' | 'dropped_out';
  placementOn: string | null;
  employmentOn: string | null;
};

export type Funnel = {
  registered: number;
  completed: number;
  placement: number;
  employment: number;
  droppedOut: number;
  /** Dropped out as a share of those registered, 0–1 (null with nobody registered). */
  dropOutRate: number | null;
};

/**
 * Registered → completed → began a placement → moved into employment (WY-FI reported 110 → 75 → 50 → 27).
 * A placement or job counts only after completing: the funnel narrows by definition.
 */
export function trainingFunnel(enrolments: readonly FunnelEnrolment[]): Funnel {
  const completed = enrolments.filter((e) => e.status === 'completed');
  const placed = completed.filter((e) => e.placementOn !== null);
  const employed = placed.filter((e) => e.employmentOn !== null);
  const droppedOut = enrolments.filter((e) => e.status === 'dropped_out').length;
  return {
    registered: enrolments.length,
    completed: completed.length,
    placement: placed.length,
    employment: employed.length,
    droppedOut,
    dropOutRate: enrolments.length === 0 ? null : droppedOut / enrolments.length,
  };
}
