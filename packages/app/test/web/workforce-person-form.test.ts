import { describe, expect, it } from 'vitest';
import type { WorkforceDetail } from '../../src/contract/workforce.ts';
import {
  caseloadCapOf,
  createPersonBody,
  newPersonValues,
  personFormProblems,
  personValuesOf,
  splitList,
  updatePersonBody,
} from '../../src/web/features/workforce/person-form-values.ts';

const north = '00000000-0000-4000-8000-000000000001';
const south = '00000000-0000-4000-8000-000000000002';
const supervisor = '00000000-0000-4000-8000-000000000010';

function person(overrides: Partial<WorkforceDetail> = {}): WorkforceDetail {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    siteId: north,
    siteIds: [north],
    userId: null,
    displayName: 'Sam Example',
    role: 'new_volunteer',
    status: 'active',
    roleSince: '2026-01-05',
    timeLimit: null,
    nextStep: null,
    nextStepTargetOn: null,
    dbs: { state: 'missing', dueOn: null },
    supervision: { lastHeldOn: null, dueOn: '2026-02-05', isOverdue: false },
    hours: { expected: null, averageWeekly: 0, state: 'no_expectation' },
    pendingHours: 0,
    leftOn: null,
    leftReason: null,
    leftDestination: null,
    gender: null,
    languages: ['English'],
    interests: [],
    areasCovered: [],
    availability: null,
    livedExperience: ['homelessness'],
    maxComplexity: null,
    caseloadCap: null,
    avoidCaseKinds: [],
    knownAssociateCaseIds: [],
    knownAssociates: [],
    supervisor: null,
    loneWorking: { isPermitted: false, reason: null, decidedOn: null },
    roleHistory: [{ role: 'new_volunteer', startedOn: '2026-01-05', endedOn: null, note: null }],
    pauses: [],
    dbsChecks: [],
    internReadiness: null,
    certificates: [],
    ...overrides,
  };
}

describe('the add and edit person form', () => {
  it('reads a typed list as one item per comma or line, trimmed, with repeats kept once', () => {
    expect(splitList(' English, polish\nEnglish ,, Urdu  speaker ')).toEqual([
      'English',
      'polish',
      'Urdu speaker',
    ]);
    expect(splitList('   ')).toEqual([]);
  });

  it('sends a new person with their home site first among their sites and blanks as null', () => {
    const values = {
      ...newPersonValues(north, '2026-03-02'),
      displayName: '  Sam Example ',
      siteIds: [south],
      languages: 'English, Polish',
      supervisorUserId: supervisor,
      livedExperience: ['reoffending' as const],
    };
    expect(createPersonBody(values, { canRecordLivedExperience: true })).toMatchObject({
      displayName: 'Sam Example',
      siteId: north,
      siteIds: [north, south],
      role: 'new_volunteer',
      status: 'applicant',
      startedOn: '2026-03-02',
      languages: ['English', 'Polish'],
      availability: null,
      gender: null,
      supervisorUserId: supervisor,
      livedExperience: ['reoffending'],
      nextStep: null,
      nextStepTargetOn: null,
    });
  });

  it('links their user account only when one is chosen', () => {
    const values = { ...newPersonValues(north, '2026-03-02'), displayName: 'Sam' };
    expect(createPersonBody(values, { canRecordLivedExperience: true }).userId).toBeNull();
    const account = '00000000-0000-4000-8000-000000000020';
    expect(createPersonBody({ ...values, userId: account }, { canRecordLivedExperience: true }).userId).toBe(
      account,
    );
    expect(updatePersonBody({ ...personValuesOf(person()), userId: account }, person())).toEqual({
      userId: account,
    });
  });

  it('never sends lived experience for someone who may not record it', () => {
    const values = {
      ...newPersonValues(north, '2026-03-02'),
      displayName: 'Sam',
      livedExperience: ['other' as const],
    };
    expect(createPersonBody(values, { canRecordLivedExperience: false }).livedExperience).toEqual([]);
  });

  it('sends only the fields that changed when a profile is edited, and nothing when none did', () => {
    const before = person();
    expect(updatePersonBody(personValuesOf(before), before)).toBeNull();
    const values = {
      ...personValuesOf(before),
      interests: 'football',
      nextStep: 'Start the course',
      nextStepTargetOn: '2026-06-01',
    };
    expect(updatePersonBody(values, before)).toEqual({
      interests: ['football'],
      nextStep: 'Start the course',
      nextStepTargetOn: '2026-06-01',
    });
  });

  it('leaves lived experience out of an edit when the API did not show it to the reader', () => {
    const hidden = person({ livedExperience: null });
    const values = { ...personValuesOf(hidden), availability: 'Weekday mornings' };
    expect(updatePersonBody(values, hidden)).toEqual({ availability: 'Weekday mornings' });
  });

  it('names each missing or wrong field with its fix before anything is sent', () => {
    const values = {
      ...newPersonValues('', '2026-03-02'),
      startedOn: '2026-03-03',
      languages: Array.from({ length: 21 }, (_, i) => `Language ${i}`).join(','),
      nextStepTargetOn: '2026-05-01',
    };
    expect(personFormProblems(values, { today: '2026-03-02', isNew: true })).toEqual({
      displayName: 'Enter the name they go by.',
      siteId: 'Choose their home site.',
      siteIds: 'Choose at least one site they work at.',
      startedOn: 'Enter a start date that is not in the future.',
      languages: 'Enter up to 20, separated by commas.',
      nextStep: 'Say what the next step is, or clear the target date.',
    });
  });

  it('does not ask for a home site or start date when editing', () => {
    const values = { ...personValuesOf(person()), siteId: '', startedOn: '' };
    expect(personFormProblems(values, { today: '2026-03-02', isNew: false })).toEqual({});
  });
});

describe('casework limits on the person form', () => {
  const caseA = '00000000-0000-4000-8000-0000000000c1';
  const caseB = '00000000-0000-4000-8000-0000000000c2';
  const today = { today: '2026-03-02', isNew: false };

  it('reads a blank caseload cap as the role’s default (null) and a number as itself', () => {
    expect(caseloadCapOf('  ')).toBeNull();
    expect(caseloadCapOf(' 7 ')).toBe(7);
    expect(caseloadCapOf('0')).toBe(0);
    expect(caseloadCapOf('3.5')).toBeNaN();
  });

  it('sends a new person’s limits, with blanks as the role’s default', () => {
    const values = { ...newPersonValues(north, '2026-03-02'), displayName: 'Sam' };
    expect(createPersonBody(values, { canRecordLivedExperience: true })).toMatchObject({
      caseloadCap: null,
      maxComplexity: null,
      avoidCaseKinds: [],
      knownAssociateCaseIds: [],
    });
    const limited = {
      ...values,
      caseloadCap: '4',
      maxComplexity: 'moderate' as const,
      avoidCaseKinds: ['hard_to_engage' as const, 'confrontational' as const],
      knownAssociateCaseIds: [caseA],
    };
    expect(createPersonBody(limited, { canRecordLivedExperience: true })).toMatchObject({
      caseloadCap: 4,
      maxComplexity: 'moderate',
      avoidCaseKinds: ['confrontational', 'hard_to_engage'],
      knownAssociateCaseIds: [caseA],
    });
  });

  it('names the caseload cap and the fix when it is out of range or not a whole number', () => {
    const values = personValuesOf(person());
    for (const cap of ['51', '-1', 'three', '2.5']) {
      expect(personFormProblems({ ...values, caseloadCap: cap }, today)).toEqual({
        caseloadCap:
          'Enter a caseload cap as a whole number from 0 to 50, or leave it blank for their role’s default.',
      });
    }
    expect(personFormProblems({ ...values, caseloadCap: '50' }, today)).toEqual({});
    expect(personFormProblems({ ...values, caseloadCap: '' }, today)).toEqual({});
  });

  it('sends a cleared caseload cap and complexity as null so the role’s default applies again', () => {
    const before = person({ caseloadCap: 3, maxComplexity: 'low' });
    expect(personValuesOf(before)).toMatchObject({ caseloadCap: '3', maxComplexity: 'low' });
    const values = { ...personValuesOf(before), caseloadCap: ' ', maxComplexity: '' as const };
    expect(updatePersonBody(values, before)).toEqual({ caseloadCap: null, maxComplexity: null });
  });

  it('sends kinds of case to avoid only when the ticked kinds changed, whatever order they were ticked in', () => {
    const before = person({ avoidCaseKinds: ['confrontational', 'prison_pick_up'] });
    const reordered = {
      ...personValuesOf(before),
      avoidCaseKinds: ['prison_pick_up' as const, 'confrontational' as const],
    };
    expect(updatePersonBody(reordered, before)).toBeNull();
    const fewer = { ...personValuesOf(before), avoidCaseKinds: ['prison_pick_up' as const] };
    expect(updatePersonBody(fewer, before)).toEqual({ avoidCaseKinds: ['prison_pick_up'] });
  });

  it('sends the whole list of known associates when one is added or removed, and nothing when it ends the same', () => {
    const before = person({
      knownAssociateCaseIds: [caseA],
      knownAssociates: [{ caseId: caseA, localCaseId: 'NTH-0001' }],
    });
    const added = { ...personValuesOf(before), knownAssociateCaseIds: [caseA, caseB] };
    expect(updatePersonBody(added, before)).toEqual({ knownAssociateCaseIds: [caseA, caseB] });
    const removed = { ...personValuesOf(before), knownAssociateCaseIds: [] };
    expect(updatePersonBody(removed, before)).toEqual({ knownAssociateCaseIds: [] });
    const removedAndAddedBack = { ...personValuesOf(before), knownAssociateCaseIds: [caseA, caseA] };
    expect(updatePersonBody(removedAndAddedBack, before)).toBeNull();
  });
});
