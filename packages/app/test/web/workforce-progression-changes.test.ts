import { describe, expect, it } from 'vitest';
import {
  roleChangeBody,
  roleChangeProblems,
  statusActionHints,
  statusActionsFor,
  statusChangeBody,
  statusChangeProblems,
} from '../../src/web/features/workforce/progression-change-values.ts';

const today = '2026-03-02';

describe('changing a person’s status and role', () => {
  it('offers only the changes the server allows from each status', () => {
    expect(statusActionsFor('applicant')).toEqual(['activate', 'leave']);
    expect(statusActionsFor('active')).toEqual(['pause', 'leave']);
    expect(statusActionsFor('paused')).toEqual(['resume', 'leave']);
    expect(statusActionsFor('left')).toEqual([]);
  });

  it('tells the coordinator that pausing keeps the person’s progress', () => {
    expect(statusActionHints.pause).toMatch(/kept/);
    expect(statusActionHints.resume).toMatch(/progress/);
  });

  it('sends a pause as the action and date only', () => {
    expect(
      statusChangeBody({ action: 'pause', on: today, destination: 'education', reason: 'ignored' }),
    ).toEqual({
      action: 'pause',
      on: today,
    });
  });

  it('sends where a leaver went, with a trimmed reason only when one is given', () => {
    expect(
      statusChangeBody({ action: 'leave', on: today, destination: 'paid_work_inside', reason: '  ' }),
    ).toEqual({
      action: 'leave',
      on: today,
      destination: 'paid_work_inside',
    });
    expect(
      statusChangeBody({ action: 'leave', on: today, destination: 'education', reason: ' College course ' }),
    ).toMatchObject({ reason: 'College course' });
  });

  it('asks where a leaver went and refuses a date in the future', () => {
    expect(
      statusChangeProblems({ action: 'leave', on: '2026-03-03', destination: '', reason: '' }, today),
    ).toEqual({
      on: 'Enter a date that is not in the future.',
      destination: 'Choose where they went, or “Other”.',
    });
    expect(statusChangeProblems({ action: '', on: today, destination: '', reason: '' }, today)).toEqual({
      action: 'Choose what has changed.',
    });
  });

  it('refuses a role change to the role they already hold, naming the role field', () => {
    expect(
      roleChangeProblems(
        { role: 'new_volunteer', startedOn: today, note: '' },
        { today, currentRole: 'new_volunteer' },
      ),
    ).toEqual({ role: 'Choose a role different from the one they hold.' });
  });

  it('sends a role change with a note only when one is written', () => {
    expect(roleChangeBody({ role: 'intern_volunteer', startedOn: today, note: ' ' })).toEqual({
      role: 'intern_volunteer',
      startedOn: today,
    });
    expect(roleChangeBody({ role: 'paid_peer', startedOn: today, note: 'Hired' })).toMatchObject({
      note: 'Hired',
    });
  });
});
