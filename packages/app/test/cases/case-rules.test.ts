import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type CaseStatus, caseStatuses, type Engagement } from '../../src/contract/case-codes.ts';
import { type Role, roles } from '../../src/contract/roles.ts';
import {
  type ActionInput,
  addMonths,
  applyCaseAction,
  availableCaseActions,
  type CaseAction,
  type CaseState,
  caseActions,
  contactDateProblem,
  dischargeDateProblem,
  isDueForAutomaticClose,
} from '../../src/server/modules/cases/case.rules.ts';

const today = '2026-11-23';
const engagementOf: Record<CaseStatus, Engagement> = {
  referred: 'no_data',
  active: 'engaged',
  stepped_down: 'engaged',
  declined: 'declined',
  discharged: 'engaged',
};
const stateIn = (status: CaseStatus, extra: Partial<CaseState> = {}): CaseState => ({
  status,
  engagement: engagementOf[status],
  referredOn: '2026-01-10',
  dischargedOn: status === 'discharged' ? '2026-06-01' : null,
  dischargeReason: status === 'discharged' ? 'goals_met' : null,
  lastContactOn: '2026-03-01',
  ...extra,
});
const inputFor = (action: CaseAction): ActionInput =>
  action === 'discharge' ? { action, dischargedOn: '2026-10-01', reason: 'goals_met' } : { action };

/**
 * The whole transition table, written out independently of the rules module: for each status, the
 * status each action leads to, or null when the action is refused.
 */
const expected: Record<CaseStatus, Record<CaseAction, CaseStatus | null>> = {
  referred: {
    allocate: 'referred',
    engage: 'active',
    decline: 'declined',
    step_down: null,
    reactivate: null,
    discharge: 'discharged',
    reopen: null,
  },
  active: {
    allocate: 'active',
    engage: null,
    decline: null,
    step_down: 'stepped_down',
    reactivate: null,
    discharge: 'discharged',
    reopen: null,
  },
  stepped_down: {
    allocate: 'stepped_down',
    engage: null,
    decline: null,
    step_down: null,
    reactivate: 'active',
    discharge: 'discharged',
    reopen: null,
  },
  declined: {
    allocate: null,
    engage: null,
    decline: null,
    step_down: null,
    reactivate: null,
    discharge: 'discharged',
    reopen: 'referred',
  },
  discharged: {
    allocate: null,
    engage: null,
    decline: null,
    step_down: null,
    reactivate: null,
    discharge: null,
    reopen: 'active', // by a coordinator only; the case had engaged
  },
};

describe('case actions', () => {
  for (const status of caseStatuses) {
    for (const action of caseActions) {
      const to = expected[status][action];
      it(`${action} on a ${status} case ${to ? `leads to ${to}` : 'is refused with a reason'}`, () => {
        const result = applyCaseAction(stateIn(status), inputFor(action), { role: 'coordinator', today });
        if (to === null) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.refusal.message.length).toBeGreaterThan(10);
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.next.status).toBe(to);
        }
      });
    }
  }

  it('marks a case engaged when it engages and declined when it declines', () => {
    const engaged = applyCaseAction(
      stateIn('referred'),
      { action: 'engage' },
      { role: 'peer_supporter', today },
    );
    const declined = applyCaseAction(
      stateIn('referred'),
      { action: 'decline' },
      { role: 'peer_supporter', today },
    );
    expect(engaged.ok && engaged.next.engagement).toBe('engaged');
    expect(declined.ok && declined.next.engagement).toBe('declined');
  });

  it('lets anyone who may change cases reopen a declined case, as a fresh referral with no engagement yet', () => {
    for (const role of ['coordinator', 'peer_supporter'] as Role[]) {
      const result = applyCaseAction(stateIn('declined'), { action: 'reopen' }, { role, today });
      expect(result.ok && result.next).toMatchObject({ status: 'referred', engagement: 'no_data' });
    }
  });

  it('lets only a coordinator reopen a discharged case, clearing the discharge', () => {
    for (const role of roles) {
      const result = applyCaseAction(stateIn('discharged'), { action: 'reopen' }, { role, today });
      if (role === 'coordinator') {
        expect(result.ok && result.next).toMatchObject({
          status: 'active',
          dischargedOn: null,
          dischargeReason: null,
        });
      } else {
        expect(result.ok, role).toBe(false);
      }
    }
  });

  it('reopens a discharged case that never engaged as a referral, not into full support', () => {
    const result = applyCaseAction(
      stateIn('discharged', { engagement: 'no_data' }),
      { action: 'reopen' },
      { role: 'coordinator', today },
    );
    expect(result.ok && result.next.status).toBe('referred');
  });

  it('keeps the engagement a case had when it is discharged', () => {
    const result = applyCaseAction(stateIn('referred'), inputFor('discharge'), {
      role: 'coordinator',
      today,
    });
    expect(result.ok && result.next).toMatchObject({ engagement: 'no_data', dischargeReason: 'goals_met' });
  });

  it('says that stepping down starts the step-down clock, and nothing else does', () => {
    for (const action of caseActions) {
      const result = applyCaseAction(stateIn('active'), inputFor(action), { role: 'coordinator', today });
      if (result.ok) expect(result.isSteppingDown, action).toBe(action === 'step_down');
    }
  });

  it('offers a peer supporter no reopen on a discharged case, and a coordinator one', () => {
    expect(availableCaseActions(stateIn('discharged'), { role: 'peer_supporter', today })).toEqual([]);
    expect(availableCaseActions(stateIn('discharged'), { role: 'coordinator', today })).toEqual(['reopen']);
    expect(availableCaseActions(stateIn('active'), { role: 'coordinator', today })).toEqual([
      'allocate',
      'step_down',
      'discharge',
    ]);
  });
});

describe('dates of discharge and contact', () => {
  it('refuses a discharge before the referral, before the last contact, or in the future, naming the field', () => {
    const state = { referredOn: '2026-01-10', lastContactOn: '2026-03-01' };
    expect(dischargeDateProblem(state, '2026-01-09', today)?.field).toBe('dischargedOn');
    expect(dischargeDateProblem(state, '2026-02-28', today)?.message).toContain('1 March 2026');
    expect(dischargeDateProblem(state, '2026-11-24', today)?.message).toContain('future');
    expect(dischargeDateProblem(state, '2026-03-01', today)).toBeNull();
  });

  it('refuses a contact dated after the discharge or before the referral, and accepts the days themselves', () => {
    const state = { referredOn: '2026-01-10', dischargedOn: '2026-06-01' };
    expect(contactDateProblem(state, '2026-06-02', today)?.message).toContain('reopen');
    expect(contactDateProblem(state, '2026-01-09', today)?.field).toBe('contactedOn');
    expect(contactDateProblem(state, '2026-01-10', today)).toBeNull();
    expect(contactDateProblem(state, '2026-06-01', today)).toBeNull();
  });

  const day = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2026-11-23T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  propertyTest.prop([day, day, day])(
    'accepts a contact exactly when it lies between referral and discharge',
    (a, b, c) => {
      const [referredOn, contactedOn, dischargedOn] = [a, b, c];
      const isInside = contactedOn >= referredOn && contactedOn <= dischargedOn;
      expect(contactDateProblem({ referredOn, dischargedOn }, contactedOn, today) === null).toBe(isInside);
    },
  );

  propertyTest.prop([day, day])(
    'never lets a case be discharged before it was referred',
    (referredOn, dischargedOn) => {
      const result = applyCaseAction(
        stateIn('active', { referredOn, lastContactOn: null }),
        { action: 'discharge', dischargedOn, reason: 'other' },
        { role: 'coordinator', today },
      );
      expect(result.ok).toBe(dischargedOn >= referredOn);
    },
  );
});

describe('automatic close after step-down', () => {
  const steppedDownAt = new Date('2026-01-15T10:00:00Z');

  it('closes a case four months after it stepped down with no contact since, and not a minute sooner', () => {
    const state = { status: 'stepped_down' as const, steppedDownAt, lastContactAt: null };
    expect(isDueForAutomaticClose(state, new Date('2026-05-15T09:59:00Z'), 4)).toBe(false);
    expect(isDueForAutomaticClose(state, new Date('2026-05-15T10:00:00Z'), 4)).toBe(true);
  });

  it('counts from the last contact when there was one after stepping down', () => {
    const state = {
      status: 'stepped_down' as const,
      steppedDownAt,
      lastContactAt: new Date('2026-03-01T10:00:00Z'),
    };
    expect(isDueForAutomaticClose(state, new Date('2026-06-30T10:00:00Z'), 4)).toBe(false);
    expect(isDueForAutomaticClose(state, new Date('2026-07-01T10:00:00Z'), 4)).toBe(true);
  });

  it('never closes a case in full support, however quiet', () => {
    const state = { status: 'active' as const, steppedDownAt, lastContactAt: null };
    expect(isDueForAutomaticClose(state, new Date('2030-01-01T00:00:00Z'), 4)).toBe(false);
  });

  it('adds calendar months, keeping to the end of shorter months', () => {
    expect(addMonths(new Date('2026-10-31T12:00:00Z'), 4).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(addMonths(new Date('2027-10-31T12:00:00Z'), 4).toISOString()).toBe('2028-02-29T12:00:00.000Z');
  });
});
