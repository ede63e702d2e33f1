import { describe, expect, it } from 'vitest';
import {
  certificateRenewalOn,
  cohortFormProblems,
  courseFormProblems,
  courseFormValuesOf,
  courseRequestBody,
  emptyCourseForm,
  enrolmentFormProblems,
  enrolmentFormValuesOf,
  enrolmentRequestBody,
  formatRate,
  funnelStages,
  modulesFromText,
} from '../../src/web/features/training/training-form.ts';

describe('the training forms in the web app', () => {
  it('sends modules one per line, without blank lines or stray spaces', () => {
    expect(modulesFromText('  Boundaries \n\n Lived experience as a tool\r\nSafeguarding\n')).toEqual([
      'Boundaries',
      'Lived experience as a tool',
      'Safeguarding',
    ]);
  });

  it('sends an awarding body and level only with an accredited course', () => {
    const flexible = courseRequestBody({
      ...emptyCourseForm,
      title: ' Peer mentoring ',
      mode: 'flexible',
      awardingBody: 'Open College Network',
      level: 'Level 2',
    });
    expect(flexible).toEqual({ title: 'Peer mentoring', mode: 'flexible', modules: [] });
    const accredited = courseRequestBody({
      ...emptyCourseForm,
      title: 'Peer mentoring',
      mode: 'accredited',
      awardingBody: 'Open College Network',
      level: 'Level 2',
      certificateValidMonths: '24',
      modules: 'One\nTwo',
    });
    expect(accredited).toEqual({
      title: 'Peer mentoring',
      mode: 'accredited',
      awardingBody: 'Open College Network',
      level: 'Level 2',
      certificateValidMonths: 24,
      modules: ['One', 'Two'],
    });
  });

  it('sends back a saved course unchanged when it is edited without changes', () => {
    const course = {
      title: 'Peer mentoring',
      mode: 'accredited' as const,
      awardingBody: 'Open College Network',
      level: 'Level 2',
      certificateValidMonths: 24,
      modules: ['Boundaries', 'Safeguarding'],
    };
    expect(courseRequestBody(courseFormValuesOf(course))).toEqual(course);
    const flexible = {
      ...course,
      mode: 'flexible' as const,
      awardingBody: null,
      level: null,
      certificateValidMonths: null,
    };
    expect(courseRequestBody(courseFormValuesOf(flexible))).toEqual({
      title: 'Peer mentoring',
      mode: 'flexible',
      modules: ['Boundaries', 'Safeguarding'],
    });
  });

  it('asks for the awarding body and level of an accredited course, and whole months', () => {
    const problems = courseFormProblems({
      ...emptyCourseForm,
      title: 'Peer mentoring',
      mode: 'accredited',
      certificateValidMonths: '1.5',
    });
    expect(Object.keys(problems).sort()).toEqual(['awardingBody', 'certificateValidMonths', 'level']);
    expect(courseFormProblems({ ...emptyCourseForm, title: 'Peer mentoring' })).toEqual({});
  });

  it('refuses a cohort that ends before it starts', () => {
    expect(
      cohortFormProblems({ siteId: 'x', name: 'Spring 2026', startsOn: '2026-04-01', endsOn: '2026-03-31' }),
    ).toEqual({ endsOn: 'End the cohort on or after its start.' });
    expect(
      cohortFormProblems({ siteId: 'x', name: 'Spring 2026', startsOn: '2026-04-01', endsOn: '2026-04-01' }),
    ).toEqual({});
  });

  it('sends completion dates only with a completion, and a reason only with a drop-out', () => {
    const values = enrolmentFormValuesOf(
      { status: 'attending', completedOn: null, placementOn: null, employmentOn: null, dropOutReason: null },
      '2026-06-01',
    );
    expect(enrolmentRequestBody(values)).toEqual({ status: 'attending' });
    expect(enrolmentRequestBody({ ...values, status: 'completed' })).toEqual({
      status: 'completed',
      completedOn: '2026-06-01',
      placementOn: null,
      employmentOn: null,
    });
    expect(enrolmentRequestBody({ ...values, status: 'dropped_out', reason: '  Moved away ' })).toEqual({
      status: 'dropped_out',
      reason: 'Moved away',
    });
  });

  it('drops an employment date that has no placement before it, and says why on the form', () => {
    const values = {
      status: 'completed' as const,
      completedOn: '2026-06-01',
      placementOn: '',
      employmentOn: '2026-07-01',
      reason: '',
    };
    expect(enrolmentRequestBody(values)).toMatchObject({ placementOn: null, employmentOn: null });
    expect(enrolmentFormProblems(values)).toHaveProperty('employmentOn');
    expect(enrolmentFormProblems({ ...values, status: 'dropped_out' })).toEqual({
      reason: 'Say why they left the course.',
    });
  });

  it('dates a certificate’s renewal as the server does, and none when it does not expire', () => {
    expect(certificateRenewalOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(certificateRenewalOn('2026-06-01', 24)).toBe('2028-06-01');
    expect(certificateRenewalOn('2026-06-01', null)).toBeNull();
  });

  it('shows the funnel as shares of those registered, as WY-FI reported it (110 → 75 → 50 → 27)', () => {
    const stages = funnelStages({
      registered: 110,
      completed: 75,
      placement: 50,
      employment: 27,
      droppedOut: 35,
      dropOutRate: 35 / 110,
    });
    expect(stages.map((s) => [s.label, s.count, formatRate(s.share)])).toEqual([
      ['Registered', 110, '100%'],
      ['Completed', 75, '68%'],
      ['Began a placement', 50, '45%'],
      ['Moved into employment', 27, '25%'],
    ]);
    expect(formatRate(35 / 110)).toBe('32%');
    expect(formatRate(null)).toBe('–');
  });
});
