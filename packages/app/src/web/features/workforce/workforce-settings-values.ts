import type { Complexity } from '../../../contract/case-codes.ts';
import type { WorkforceSettingsBody } from '../../../contract/workforce.ts';
import { type DbsLevel, type WorkforceRole, workforceRoles } from '../../../contract/workforce-codes.ts';

/** Number inputs hold '' while empty. */
type NumberField = number | string;

export type WorkforceSettingsValues = {
  shadowingSessionsToIntern: NumberField;
  requiredCourseIds: string[];
  internCaseloadCap: NumberField;
  internMaxComplexity: Complexity;
  volunteerMonthsMax: NumberField;
  paidPeerMonthsMax: NumberField;
  alertAtMonths: NumberField;
  supervisionEveryDays: NumberField;
  dbsRecheckMonths: NumberField;
  requiredDbsLevel: DbsLevel;
  /** Per role: both blank means no expectation for that role. */
  expectedWeeklyHours: Record<WorkforceRole, { min: NumberField; max: NumberField }>;
};

type WholeNumberField =
  | 'shadowingSessionsToIntern'
  | 'internCaseloadCap'
  | 'volunteerMonthsMax'
  | 'paidPeerMonthsMax'
  | 'alertAtMonths'
  | 'supervisionEveryDays'
  | 'dbsRecheckMonths';

/** Each whole-number setting's bounds (contract/workforce.ts) and what to call it in a message. */
export const wholeNumberSettings: Record<WholeNumberField, { min: number; max: number; name: string }> = {
  shadowingSessionsToIntern: { min: 0, max: 100, name: 'shadowing sessions' },
  internCaseloadCap: { min: 0, max: 20, name: 'intern caseload' },
  volunteerMonthsMax: { min: 1, max: 60, name: 'volunteer time limit' },
  paidPeerMonthsMax: { min: 1, max: 60, name: 'paid peer time limit' },
  alertAtMonths: { min: 1, max: 60, name: 'alert month' },
  supervisionEveryDays: { min: 1, max: 180, name: 'days between supervision sessions' },
  dbsRecheckMonths: { min: 1, max: 120, name: 'months between DBS rechecks' },
};

export function settingsValuesOf(settings: WorkforceSettingsBody): WorkforceSettingsValues {
  const expected = Object.fromEntries(
    workforceRoles.map((role) => {
      const range = settings.expectedWeeklyHours[role];
      return [role, range ? { min: range.min, max: range.max } : { min: '', max: '' }];
    }),
  ) as WorkforceSettingsValues['expectedWeeklyHours'];
  return { ...settings, expectedWeeklyHours: expected };
}

const isBlank = (value: NumberField) => value === '' || value === null || value === undefined;

/** Problems keyed by the API's field names ("expectedWeeklyHours.paid_peer.min"), so both line up. */
export function settingsProblems(values: WorkforceSettingsValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field, { min, max, name }] of Object.entries(wholeNumberSettings)) {
    const value = values[field as WholeNumberField];
    if (isBlank(value) || !Number.isInteger(Number(value)) || Number(value) < min || Number(value) > max)
      problems[field] = `Enter a whole number of ${name} from ${min} to ${max}.`;
  }
  if (
    !problems.alertAtMonths &&
    Number(values.alertAtMonths) >
      Math.min(Number(values.volunteerMonthsMax), Number(values.paidPeerMonthsMax))
  )
    problems.alertAtMonths = 'Alert at or before the shorter of the two time limits.';
  for (const role of workforceRoles) {
    const { min, max } = values.expectedWeeklyHours[role];
    const key = `expectedWeeklyHours.${role}`;
    if (isBlank(min) && isBlank(max)) continue;
    if (isBlank(min) || isBlank(max)) {
      problems[`${key}.${isBlank(min) ? 'min' : 'max'}`] =
        'Enter both the fewest and the most hours, or leave both blank.';
      continue;
    }
    for (const [end, value] of [
      ['min', min],
      ['max', max],
    ] as const)
      if (Number.isNaN(Number(value)) || Number(value) < 0 || Number(value) > 80)
        problems[`${key}.${end}`] = 'Enter hours a week from 0 to 80.';
    if (!problems[`${key}.min`] && !problems[`${key}.max`] && Number(min) > Number(max))
      problems[`${key}.min`] = 'The fewest hours must not be more than the most.';
  }
  return problems;
}

/** The body for PUT /api/workforce-settings; call after settingsProblems finds nothing. */
export function settingsBody(values: WorkforceSettingsValues): WorkforceSettingsBody {
  const expectedWeeklyHours: WorkforceSettingsBody['expectedWeeklyHours'] = {};
  for (const role of workforceRoles) {
    const { min, max } = values.expectedWeeklyHours[role];
    if (!isBlank(min) && !isBlank(max)) expectedWeeklyHours[role] = { min: Number(min), max: Number(max) };
  }
  return {
    shadowingSessionsToIntern: Number(values.shadowingSessionsToIntern),
    requiredCourseIds: values.requiredCourseIds,
    internCaseloadCap: Number(values.internCaseloadCap),
    internMaxComplexity: values.internMaxComplexity,
    volunteerMonthsMax: Number(values.volunteerMonthsMax),
    paidPeerMonthsMax: Number(values.paidPeerMonthsMax),
    alertAtMonths: Number(values.alertAtMonths),
    supervisionEveryDays: Number(values.supervisionEveryDays),
    dbsRecheckMonths: Number(values.dbsRecheckMonths),
    requiredDbsLevel: values.requiredDbsLevel,
    expectedWeeklyHours,
  };
}
