import { describe, expect, it } from 'vitest';
import type { BatchProposal } from '../../src/contract/matching.ts';
import {
  approvalBody,
  approvalRefusal,
  choiceRefusal,
  chosenCaseIds,
  profileBodyOf,
  profileErrors,
  profileValuesOf,
  proposalStatus,
  weightError,
  weightShares,
  weightsBodyOf,
  weightValuesOf,
} from '../../src/web/features/matching/matching-forms.ts';
import { ApiError } from '../../src/web/lib/api-client.ts';

const c1 = '019a0000-0000-7000-8000-000000000001';
const c2 = '019a0000-0000-7000-8000-000000000002';
const u1 = '019a0000-0000-7000-8000-0000000000a1';
const proposal: BatchProposal = {
  placements: [
    { caseId: c1, localCaseId: 'PP-001', userId: u1, name: 'Peer One', score: 60, reasons: [] },
    { caseId: c2, localCaseId: 'PP-002', userId: u1, name: 'Peer One', score: 40, reasons: [] },
  ],
  unplaced: [],
  totalScore: 100,
};

describe('matching weights', () => {
  it('accepts whole numbers from 0 to 100 and names the fix otherwise', () => {
    expect(weightError('0')).toBeNull();
    expect(weightError(' 100 ')).toBeNull();
    expect(weightError('')).toBe('Enter a number from 0 to 100');
    expect(weightError('101')).toBe('Enter a number from 0 to 100');
    expect(weightError('2.5')).toBe('Enter a whole number from 0 to 100, like 25');
    expect(weightError('-1')).toBe('Enter a whole number from 0 to 100, like 25');
    expect(weightError('ten')).toBe('Enter a whole number from 0 to 100, like 25');
  });

  it('round-trips the weights through the form', () => {
    const weights = { livedExperience: 40, area: 25, language: 15, capacity: 20 };
    expect(weightsBodyOf(weightValuesOf(weights))).toEqual(weights);
  });

  it('shows each valid weight as a share of the most a peer can score', () => {
    const shares = weightShares({ livedExperience: '40', area: '25', language: '15', capacity: 'x' });
    expect(shares).toEqual({ livedExperience: 50, area: 31, language: 19, capacity: null });
    expect(weightShares({ livedExperience: '0', area: '0', language: '0', capacity: '0' }).area).toBeNull();
  });
});

describe('a case matching profile', () => {
  it('sends blank text as not recorded and each kind once', () => {
    expect(
      profileBodyOf({ area: '  ', language: ' Polish ', kinds: ['hard_to_engage', 'hard_to_engage'] }),
    ).toEqual({ area: null, language: 'Polish', kinds: ['hard_to_engage'] });
    expect(profileValuesOf({ area: null, language: 'Urdu', kinds: [] })).toEqual({
      area: '',
      language: 'Urdu',
      kinds: [],
    });
  });

  it('names the field and the limit when text is too long', () => {
    expect(profileErrors({ area: 'a'.repeat(81), language: 'b'.repeat(41), kinds: [] })).toEqual({
      area: 'Shorten the area to 80 characters or fewer',
      language: 'Shorten the language to 40 characters or fewer',
    });
    expect(profileErrors({ area: 'Leeds', language: '', kinds: [] })).toEqual({});
  });
});

describe('approving a batch', () => {
  it('sends only the placements left ticked', () => {
    expect(approvalBody(proposal, new Set([c1]))).toEqual({ placements: [{ caseId: c2, userId: u1 }] });
  });

  it('names the refused case from the detail field and says nothing was allocated', () => {
    const sent = approvalBody(proposal, new Set([c1]));
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'Check the request',
      details: [
        { field: 'placements.0.userId', message: 'They may no longer take case PP-002: propose again.' },
      ],
    });
    expect(approvalRefusal(error, sent, proposal)).toEqual({
      caseIds: [c2],
      messages: [
        'They may no longer take case PP-002: propose again.',
        'Nothing was allocated. Ask for a new proposal and check it again.',
      ],
    });
    const other = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'Check the request',
      details: [{ field: 'placements.1.caseId', message: 'Choose a referral at this site.' }],
    });
    expect(approvalRefusal(other, approvalBody(proposal, new Set()), proposal).messages[0]).toBe(
      'Case PP-002: Choose a referral at this site.',
    );
  });
});

describe('proposing again for the ticked referrals only', () => {
  const c3 = '019a0000-0000-7000-8000-000000000003';
  const withUnplaced: BatchProposal = {
    ...proposal,
    unplaced: [{ caseId: c3, localCaseId: 'PP-003', reason: 'No peer may take this case now.' }],
  };

  it('asks for every referral on screen, placed or not, that was not left out, in the order shown', () => {
    expect(chosenCaseIds(withUnplaced, new Set())).toEqual([c1, c2, c3]);
    expect(chosenCaseIds(withUnplaced, new Set([c1]))).toEqual([c2, c3]);
    expect(chosenCaseIds(withUnplaced, new Set([c3, c2]))).toEqual([c1]);
    expect(chosenCaseIds(withUnplaced, new Set([c1, c2, c3]))).toEqual([]);
  });

  it('says in the status message what the new proposal holds and whether it was for the ticked referrals', () => {
    expect(proposalStatus(withUnplaced)).toBe('New proposal: 2 matches, 1 left unmatched.');
    expect(proposalStatus(proposal, 2)).toBe('New proposal for the 2 ticked referrals only: 2 matches.');
    expect(proposalStatus({ placements: [], unplaced: [], totalScore: 0 })).toBe(
      'No referral is waiting for a lead peer.',
    );
  });

  it('names a refused referral by its case number from the position of the id sent', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'Check the request',
      details: [{ field: 'caseIds.1', message: 'Choose a referral waiting at this site.' }],
    });
    expect(choiceRefusal(error, [c1, c3], withUnplaced)).toEqual([
      'Case PP-003: Choose a referral waiting at this site.',
    ]);
    expect(choiceRefusal(new Error('offline'), [c1], withUnplaced)).toEqual([
      'Something went wrong. Try again.',
    ]);
  });
});
