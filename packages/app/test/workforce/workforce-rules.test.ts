import { fc, test as propertyTest } from '@fast-check/vitest';
import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  allocationBlockers,
  defaultEligibilityRules,
  type EligibilityChecks,
  type EligibilityMember,
} from '../../src/server/modules/workforce/allocation-eligibility.ts';
import {
  activeDays,
  hoursAgainstExpected,
  internReadiness,
  roleChangeRefusal,
  supervisionDue,
  timeLimitOf,
} from '../../src/server/modules/workforce/people/progression.rules.ts';
import { defaultWorkforceSettings } from '../../src/server/modules/workforce/people/settings.repository.ts';
import { dbsState } from '../../src/server/modules/workforce/safety/dbs.rules.ts';
import { trainingFunnel } from '../../src/server/modules/workforce/training/funnel.rules.ts';

/** A controllable clock for pure rules: the day, moved by whole days. */
const day = (start: string, plus = 0) => format(addDays(parseISO(start), plus), 'yyyy-MM-dd');

describe('the 18-month limits', () => {
  const settings = defaultWorkforceSettings;

  it('counts both volunteer roles on one clock and alerts at 15 months', () => {
    const history = [
      { role: 'new_volunteer' as const, startedOn: '2025-01-01', endedOn: '2025-07-01' },
      { role: 'intern_volunteer' as const, startedOn: '2025-07-01', endedOn: null },
    ];
    expect(timeLimitOf('intern_volunteer', history, [], '2026-03-01', settings)?.state).toBe('ok');
    const alert = timeLimitOf('intern_volunteer', history, [], '2026-04-15', settings);
    expect(alert?.state).toBe('alert');
    expect(alert?.monthsUsed).toBeGreaterThanOrEqual(15);
    expect(timeLimitOf('intern_volunteer', history, [], '2026-07-04', settings)?.state).toBe('over');
  });

  it('starts a fresh clock for a paid peer, whatever time they spent volunteering', () => {
    const history = [
      { role: 'intern_volunteer' as const, startedOn: '2024-01-01', endedOn: '2025-06-01' },
      { role: 'paid_peer' as const, startedOn: '2025-06-01', endedOn: null },
    ];
    const limit = timeLimitOf('paid_peer', history, [], '2025-12-01', settings);
    expect(limit).toMatchObject({ clock: 'paid_peer', state: 'ok', monthsMax: 18 });
    expect(limit?.monthsUsed).toBeCloseTo(6, 0);
  });

  it('stops the clock while someone is paused, so the limit moves back by the pause', () => {
    const history = [{ role: 'new_volunteer' as const, startedOn: '2025-01-01', endedOn: null }];
    const without = timeLimitOf('new_volunteer', history, [], '2025-10-01', settings);
    const withPause = timeLimitOf(
      'new_volunteer',
      history,
      [{ startedOn: '2025-03-01', endedOn: '2025-05-01' }],
      '2025-10-01',
      settings,
    );
    expect(without && withPause && without.monthsUsed - withPause.monthsUsed).toBeCloseTo(2, 0);
    expect(withPause?.limitOn).toBe(day(without?.limitOn as string, 61));
  });

  it('runs no clock for coordinators and staff', () => {
    expect(timeLimitOf('coordinator', [], [], '2026-01-01', settings)).toBeNull();
  });

  propertyTest.prop([
    fc.integer({ min: 0, max: 1000 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 300 }))),
  ])('never counts a paused day or more days than the period holds', (length, pauses) => {
    const from = '2024-01-01';
    const to = day(from, length);
    const periods = pauses.map(([start, len]) => ({
      startedOn: day(from, start),
      endedOn: day(from, start + len),
    }));
    const days = activeDays(from, to, periods);
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThanOrEqual(length);
    if (periods.length === 0) expect(days).toBe(length);
  });
});

describe('progression to intern', () => {
  const settings = {
    ...defaultWorkforceSettings,
    requiredCourseIds: ['course-1'],
    shadowingSessionsToIntern: 4,
  };

  it('refuses a new volunteer who has not finished the required training or shadowing, saying what is missing', () => {
    const readiness = internReadiness(
      { completedCourseIds: [], approvedShadowingSessions: 1 },
      settings,
      new Map([['course-1', 'Peer mentor induction']]),
    );
    expect(readiness.isReady).toBe(false);
    expect(readiness.missing).toEqual([
      'Complete the required course “Peer mentor induction”.',
      'Shadow 3 more sessions (1 of 4 approved).',
    ]);
    expect(roleChangeRefusal('new_volunteer', 'intern_volunteer', readiness)).toMatch(/^Not ready/);
  });

  it('lets a new volunteer with the training and shadowing become an intern', () => {
    const readiness = internReadiness(
      { completedCourseIds: ['course-1'], approvedShadowingSessions: 4 },
      settings,
    );
    expect(readiness).toEqual({ isReady: true, missing: [] });
    expect(roleChangeRefusal('new_volunteer', 'intern_volunteer', readiness)).toBeNull();
  });
});

describe('expected hours and supervision', () => {
  it('shows a new volunteer’s approved hours against 3–5 a week', () => {
    expect(hoursAgainstExpected('new_volunteer', 4 * 60 * 2, 4, defaultWorkforceSettings)).toMatchObject({
      averageWeekly: 2,
      state: 'below',
    });
    expect(hoursAgainstExpected('new_volunteer', 4 * 60 * 4, 4, defaultWorkforceSettings).state).toBe(
      'within',
    );
    expect(hoursAgainstExpected('intern_volunteer', 4 * 18 * 60, 4, defaultWorkforceSettings).state).toBe(
      'within',
    );
  });

  it('flags supervision overdue after 14 days, but not while paused', () => {
    expect(supervisionDue('2026-01-01', '2025-01-01', 14, '2026-01-15', false)).toEqual({
      dueOn: '2026-01-15',
      isOverdue: false,
    });
    expect(supervisionDue('2026-01-01', '2025-01-01', 14, '2026-01-16', false).isOverdue).toBe(true);
    expect(supervisionDue('2026-01-01', '2025-01-01', 14, '2026-01-16', true).isOverdue).toBe(false);
  });
});

describe('DBS checks', () => {
  const rules = { recheckMonths: 36, requiredLevel: 'enhanced' as const };
  const check = {
    level: 'enhanced' as const,
    certificateOn: '2023-03-01',
    isOnUpdateService: false,
    updateServiceCheckedOn: null,
  };

  it('is due soon 30 days before the recheck, and overdue from the day it is due', () => {
    expect(dbsState(check, '2026-01-15', rules).state).toBe('current');
    expect(dbsState(check, '2026-01-30', rules)).toEqual({ state: 'due_soon', dueOn: '2026-03-01' });
    expect(dbsState(check, '2026-03-01', rules).state).toBe('overdue');
  });

  it('restarts the interval from the last update-service status check', () => {
    const updated = { ...check, isOnUpdateService: true, updateServiceCheckedOn: '2025-06-01' };
    expect(dbsState(updated, '2026-03-01', rules)).toEqual({ state: 'current', dueOn: '2028-06-01' });
  });

  it('treats a check below the required level as not enough', () => {
    expect(dbsState({ ...check, level: 'basic' }, '2024-01-01', rules).state).toBe('level_too_low');
  });
});

describe('who may take a case', () => {
  const intern: EligibilityMember = {
    role: 'intern_volunteer',
    status: 'active',
    maxComplexity: null,
    caseloadCap: null,
    currentLeadCases: 0,
    knownAssociateCaseIds: [],
  };
  const current: EligibilityChecks = {
    latestDbs: {
      level: 'enhanced' as const,
      certificateOn: '2025-01-01',
      isOnUpdateService: false,
      updateServiceCheckedOn: null,
    },
  };
  const codes = (
    member: EligibilityMember,
    checks = current,
    caseComplexity: 'low' | 'moderate' | 'high' | null = 'low',
  ) =>
    allocationBlockers(member, checks, '2026-03-02', defaultEligibilityRules, {
      as: 'lead',
      caseId: 'case-1',
      caseComplexity,
    }).map((b) => b.code);

  it('lets an active intern with a current check lead a low-complexity case', () => {
    expect(codes(intern)).toEqual([]);
  });

  it('keeps interns to 3 cases of low or moderate complexity by default', () => {
    expect(codes({ ...intern, currentLeadCases: 3 })).toEqual(['caseload_full']);
    expect(codes(intern, current, 'high')).toEqual(['complexity_above_level']);
    expect(codes(intern, current, null)).toEqual(['complexity_unknown']);
    expect(
      codes({ ...intern, maxComplexity: 'high', caseloadCap: 4, currentLeadCases: 3 }, current, 'high'),
    ).toEqual([]);
  });

  it('never lets a new volunteer, coordinator or staff member lead a case, though a new volunteer may shadow', () => {
    for (const role of ['new_volunteer', 'coordinator', 'staff'] as const)
      expect(codes({ ...intern, role })).toContain('role_cannot_carry_cases');
    expect(
      allocationBlockers(
        { ...intern, role: 'new_volunteer', status: 'in_training' },
        current,
        '2026-03-02',
        defaultEligibilityRules,
        {
          as: 'co_worker',
          caseComplexity: 'high',
        },
      ),
    ).toEqual([]);
  });

  it('allocates nobody whose DBS check is missing or out of date, nor someone paused', () => {
    expect(codes(intern, { latestDbs: null })).toEqual(['dbs_missing']);
    expect(
      codes(intern, {
        latestDbs: {
          level: 'enhanced',
          certificateOn: '2023-03-02',
          isOnUpdateService: false,
          updateServiceCheckedOn: null,
        },
      }),
    ).toEqual(['dbs_out_of_date']);
    expect(codes({ ...intern, status: 'paused' })).toEqual(['not_active']);
  });

  it('refuses a known associate’s case', () => {
    expect(codes({ ...intern, knownAssociateCaseIds: ['case-1'] })).toEqual(['known_associate']);
  });

  it('allocates nobody whose certificate of a required course has lapsed, and says which and when', () => {
    const lapsed = { courseTitle: 'Peer mentor course', renewalDueOn: '2026-03-02' };
    const blockers = allocationBlockers(
      intern,
      { ...current, requiredCertificates: [lapsed] },
      '2026-03-02',
      defaultEligibilityRules,
      { as: 'lead', caseId: 'case-1', caseComplexity: 'low' },
    );
    expect(blockers).toEqual([
      {
        code: 'certificate_lapsed',
        message:
          'Their training certificate “Peer mentor course” lapsed on 2 March 2026: record the renewal first.',
      },
    ]);
    expect(
      codes(intern, {
        ...current,
        requiredCertificates: [
          { ...lapsed, renewalDueOn: '2026-03-03' },
          { courseTitle: 'Safeguarding', renewalDueOn: null },
        ],
      }),
    ).toEqual([]);
  });
});

describe('the training funnel', () => {
  it('reproduces WY-FI’s 110 → 75 → 50 → 27', () => {
    const enrolments = [
      ...Array.from({ length: 27 }, () => ({
        status: 'completed' as const,
        placementOn: '2025-01-01',
        employmentOn: '2025-06-01',
      })),
      ...Array.from({ length: 23 }, () => ({
        status: 'completed' as const,
        placementOn: '2025-01-01',
        employmentOn: null,
      })),
      ...Array.from({ length: 25 }, () => ({
        status: 'completed' as const,
        placementOn: null,
        employmentOn: null,
      })),
      ...Array.from({ length: 35 }, () => ({
        status: 'dropped_out' as const,
        placementOn: null,
        employmentOn: null,
      })),
    ];
    expect(trainingFunnel(enrolments)).toEqual({
      registered: 110,
      completed: 75,
      placement: 50,
      employment: 27,
      droppedOut: 35,
      dropOutRate: 35 / 110,
    });
  });

  it('has no drop-out rate with nobody registered', () => {
    expect(trainingFunnel([]).dropOutRate).toBeNull();
  });
});
