import { describe, expect, it } from 'vitest';
import type { WorkforceSettingsBody } from '../../src/contract/workforce.ts';
import {
  settingsBody,
  settingsProblems,
  settingsValuesOf,
} from '../../src/web/features/workforce/workforce-settings-values.ts';

const settings: WorkforceSettingsBody = {
  shadowingSessionsToIntern: 6,
  requiredCourseIds: [],
  internCaseloadCap: 3,
  internMaxComplexity: 'moderate',
  volunteerMonthsMax: 18,
  paidPeerMonthsMax: 24,
  alertAtMonths: 15,
  supervisionEveryDays: 28,
  dbsRecheckMonths: 36,
  requiredDbsLevel: 'enhanced',
  expectedWeeklyHours: { new_volunteer: { min: 2, max: 8 }, paid_peer: { min: 20, max: 37.5 } },
};

describe('the progression settings form', () => {
  it('gives back the same settings it was given when nothing is changed', () => {
    const values = settingsValuesOf(settings);
    expect(settingsProblems(values)).toEqual({});
    expect(settingsBody(values)).toEqual(settings);
  });

  it('shows a role with no expected hours as two blanks, and drops blank roles from the body', () => {
    const values = settingsValuesOf(settings);
    expect(values.expectedWeeklyHours.coordinator).toEqual({ min: '', max: '' });
    values.expectedWeeklyHours.paid_peer = { min: '', max: '' };
    expect(settingsBody(values).expectedWeeklyHours).toEqual({ new_volunteer: { min: 2, max: 8 } });
  });

  it('names the field when a number is missing, not whole, or out of range', () => {
    const values = {
      ...settingsValuesOf(settings),
      shadowingSessionsToIntern: '',
      internCaseloadCap: 2.5,
      dbsRecheckMonths: 0,
    };
    expect(settingsProblems(values)).toEqual({
      shadowingSessionsToIntern: 'Enter a whole number of shadowing sessions from 0 to 100.',
      internCaseloadCap: 'Enter a whole number of intern caseload from 0 to 20.',
      dbsRecheckMonths: 'Enter a whole number of months between DBS rechecks from 1 to 120.',
    });
  });

  it('asks for the alert to come before the shorter time limit', () => {
    const values = { ...settingsValuesOf(settings), alertAtMonths: 20 };
    expect(settingsProblems(values)).toEqual({
      alertAtMonths: 'Alert at or before the shorter of the two time limits.',
    });
  });

  it('asks for both ends of a range of hours, the fewest no more than the most', () => {
    const values = settingsValuesOf(settings);
    values.expectedWeeklyHours.intern_volunteer = { min: 4, max: '' };
    values.expectedWeeklyHours.paid_peer = { min: 40, max: 30 };
    expect(settingsProblems(values)).toEqual({
      'expectedWeeklyHours.intern_volunteer.max':
        'Enter both the fewest and the most hours, or leave both blank.',
      'expectedWeeklyHours.paid_peer.min': 'The fewest hours must not be more than the most.',
    });
  });
});
