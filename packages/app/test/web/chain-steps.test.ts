import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type ChainStepValues,
  chainProblems,
  chainRequestBody,
  moveStep,
  removeStep,
  stepValuesOf,
} from '../../src/web/features/safeguarding/chain-steps.ts';

const step = (patch: Partial<ChainStepValues>): ChainStepValues => ({
  key: 'a',
  label: 'Safeguarding lead',
  who: 'role',
  role: 'coordinator',
  userId: '',
  deadlineHours: '24',
  ...patch,
});

describe('the safeguarding chain form', () => {
  it('moves a step up or down one place and leaves the others in order', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the chain as it was when the first step moves up or the last moves down', () => {
    expect(moveStep(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveStep(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('removes only the chosen step', () => {
    expect(removeStep(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('sends a role or a person for each step, never both', () => {
    const body = chainRequestBody([
      step({ who: 'role', role: 'coordinator', userId: 'someone' }),
      step({
        key: 'b',
        label: ' Director ',
        who: 'person',
        role: 'admin',
        userId: 'u-1',
        deadlineHours: '48',
      }),
    ]);
    expect(body.steps).toEqual([
      { label: 'Safeguarding lead', role: 'coordinator', userId: null, deadlineHours: 24 },
      { label: 'Director', role: null, userId: 'u-1', deadlineHours: 48 },
    ]);
  });

  it('reads a saved step that names a person as a person step', () => {
    const values = stepValuesOf({ label: 'Director', role: null, userId: 'u-1', deadlineHours: 72 }, 'k');
    expect(values).toMatchObject({ who: 'person', userId: 'u-1', role: '', deadlineHours: '72' });
  });

  it('names the step and the field of each problem, as the server keys them', () => {
    const problems = chainProblems([
      step({ label: ' ' }),
      step({ key: 'b', who: 'person', userId: '', deadlineHours: '0' }),
    ]);
    expect(problems).toEqual({
      'steps.0.label': 'Name step 1, like “Safeguarding lead”.',
      'steps.1.userId': 'Choose the person for step 2.',
      'steps.1.deadlineHours': 'Give step 2 a deadline of 1 to 720 whole hours.',
    });
    expect(chainProblems([])).toEqual({ steps: 'A chain needs at least one step.' });
  });

  test.prop([
    fc.uniqueArray(fc.integer(), { maxLength: 8 }),
    fc.nat(),
    fc.constantFrom(-1 as const, 1 as const),
  ])('a move keeps every step exactly once, and moving back undoes it', (steps, at, by) => {
    const from = steps.length === 0 ? 0 : at % steps.length;
    const moved = moveStep(steps, from, by);
    expect([...moved].sort((x, y) => x - y)).toEqual([...steps].sort((x, y) => x - y));
    const to = from + by;
    if (to >= 0 && to < steps.length) {
      expect(moved[to]).toBe(steps[from]);
      expect(moveStep(moved, to, by === 1 ? -1 : 1)).toEqual(steps);
    } else expect(moved).toEqual(steps);
  });
});
