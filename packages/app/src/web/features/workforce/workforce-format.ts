import type { WorkforceSummary } from '../../../contract/workforce.ts';
import type { CaseCaution, LivedExperienceArea } from '../../../contract/workforce-codes.ts';
import { formatIsoDate } from '../cases/case-format.ts';

export const dbsStateLabels: Record<WorkforceSummary['dbs']['state'], string> = {
  missing: 'No DBS check',
  level_too_low: 'DBS level too low',
  overdue: 'DBS overdue',
  due_soon: 'DBS due soon',
  current: 'DBS current',
};
export const dbsStateColours: Record<WorkforceSummary['dbs']['state'], string> = {
  missing: 'red',
  level_too_low: 'red',
  overdue: 'red',
  due_soon: 'orange',
  current: 'green',
};

/** "7.5 of 18 months" with the state the 18-month rule puts it in. */
export function timeLimitText(limit: WorkforceSummary['timeLimit']): string {
  if (!limit) return 'No time limit';
  const state =
    limit.state === 'over' ? ' — over the limit' : limit.state === 'alert' ? ' — plan the next step' : '';
  return `${limit.monthsUsed.toLocaleString('en-GB')} of ${limit.monthsMax} months${state}`;
}

export function supervisionText(s: WorkforceSummary['supervision']): string {
  return s.isOverdue ? `Overdue since ${formatIsoDate(s.dueOn)}` : `Due ${formatIsoDate(s.dueOn)}`;
}

export function hoursText(h: WorkforceSummary['hours']): string {
  const logged = `${h.averageWeekly.toLocaleString('en-GB')} h a week (last 4 weeks)`;
  if (!h.expected) return logged;
  return `${logged}; expected ${h.expected.min.toLocaleString('en-GB')}–${h.expected.max.toLocaleString('en-GB')}`;
}

export const hoursActivityLabels = {
  shadowing: 'Shadowing',
  casework: 'Casework',
  training: 'Training',
  supervision: 'Supervision',
  group: 'Group',
  admin: 'Admin',
} as const;

export const livedExperienceLabels: Record<LivedExperienceArea, string> = {
  homelessness: 'Homelessness',
  reoffending: 'Reoffending or prison',
  substance_use: 'Drug or alcohol use',
  mental_health: 'Mental health',
  domestic_abuse: 'Domestic abuse',
  care_leaver: 'Leaving care',
  other: 'Other',
};

/** Kinds of case a person's plan says to keep them away from, as the coordinator reads them. */
export const avoidCaseKindLabels: Record<CaseCaution, string> = {
  confrontational: 'Cases where the person can be confrontational',
  prison_pick_up: 'Cases needing a prison pick-up',
  hard_to_engage: 'Cases where the person is hard to engage',
};
