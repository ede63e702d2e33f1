import { describe, expect, it } from 'vitest';
import { returnReasonProblem } from '../../src/web/features/workforce/hours-return-values.ts';
import {
  loneWorkingBody,
  loneWorkingProblems,
  supervisionBody,
  supervisionProblems,
  wellbeingPlanBody,
  wellbeingPlanValuesOf,
} from '../../src/web/features/workforce/supervision-values.ts';

const today = '2026-03-02';

describe('supervision, wellbeing, lone working and returned hours forms', () => {
  it('asks for a note of the session and refuses a session in the future', () => {
    expect(supervisionProblems({ heldOn: '2026-03-09', notes: '  ', agreedActions: '' }, today)).toEqual({
      heldOn: 'Record a session that has taken place.',
      notes: 'Write a note of the session.',
    });
  });

  it('sends a session with agreed actions only when some are written', () => {
    expect(supervisionBody({ heldOn: today, notes: ' Went well ', agreedActions: ' ' })).toEqual({
      heldOn: today,
      notes: 'Went well',
    });
  });

  it('saves blank parts of the wellbeing plan as empty, so it can be written a part at a time', () => {
    const values = { ...wellbeingPlanValuesOf({ earlySigns: null }), whatHelps: ' Walking ' };
    expect(wellbeingPlanBody(values)).toEqual({
      earlySigns: null,
      whatHelps: 'Walking',
      steppingBack: null,
      whoToContact: null,
    });
  });

  it('needs a reason for lone working either way', () => {
    expect(loneWorkingProblems({ isPermitted: 'no', reason: ' ' })).toEqual({
      reason: 'Say why: lone working needs a recorded reason either way.',
    });
    expect(loneWorkingProblems({ isPermitted: '', reason: 'Risk assessment' })).toEqual({
      isPermitted: 'Choose whether they may work alone.',
    });
    expect(loneWorkingBody({ isPermitted: 'yes', reason: ' Risk assessed ' })).toEqual({
      isPermitted: true,
      reason: 'Risk assessed',
    });
  });

  it('needs a reason of at most 500 characters to return hours', () => {
    expect(returnReasonProblem('  ')).toMatch(/Enter the reason for returning these hours/);
    expect(returnReasonProblem('x'.repeat(501))).toMatch(/500 characters or fewer/);
    expect(returnReasonProblem('Log this as training')).toBeNull();
  });
});
