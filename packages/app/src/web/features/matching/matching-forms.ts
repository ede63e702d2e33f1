import type { BatchProposal, CaseMatchingProfile, MatchWeightsBody } from '../../../contract/matching.ts';
import type { CaseCaution } from '../../../contract/workforce-codes.ts';
import { ApiError } from '../../lib/api-client.ts';

// ---- Soft-preference weights (per site) -------------------------------------------------------

export type WeightKey = keyof MatchWeightsBody;
export type WeightValues = Record<WeightKey, string>;

/** Each weight in plain words: what it rewards, so a coordinator can judge the number. */
export const weightFields: { key: WeightKey; label: string; description: string }[] = [
  {
    key: 'livedExperience',
    label: 'Shared lived experience',
    description:
      'Points for a peer who shares the lived experience the referral asks for (shared in part earns part of the points).',
  },
  {
    key: 'area',
    label: 'Covers the client’s area',
    description: 'Points for a peer who works in the area recorded in the case’s matching profile.',
  },
  {
    key: 'language',
    label: 'Speaks the client’s language',
    description: 'Points for a peer who speaks the language recorded in the case’s matching profile.',
  },
  {
    key: 'capacity',
    label: 'Free places',
    description: 'Points for room on the peer’s caseload: the full points when their caseload is empty.',
  },
];

export const weightMin = 0;
export const weightMax = 100;

/** A weight must be a whole number from 0 to 100 (the contract's bounds), in the user's own words. */
export function weightError(value: string): string | null {
  const text = value.trim();
  if (text === '') return `Enter a number from ${weightMin} to ${weightMax}`;
  if (!/^\d+$/.test(text)) return `Enter a whole number from ${weightMin} to ${weightMax}, like 25`;
  const n = Number(text);
  return n >= weightMin && n <= weightMax ? null : `Enter a number from ${weightMin} to ${weightMax}`;
}

export const weightValuesOf = (weights: MatchWeightsBody): WeightValues => ({
  livedExperience: String(weights.livedExperience),
  area: String(weights.area),
  language: String(weights.language),
  capacity: String(weights.capacity),
});

export const weightsBodyOf = (values: WeightValues): MatchWeightsBody => ({
  livedExperience: Number(values.livedExperience.trim()),
  area: Number(values.area.trim()),
  language: Number(values.language.trim()),
  capacity: Number(values.capacity.trim()),
});

/** Each weight as a share of the most a peer can score, so the numbers read as proportions. */
export function weightShares(values: WeightValues): Record<WeightKey, number | null> {
  const numbers = weightFields.map(({ key }) => [key, weightError(values[key]) ? null : Number(values[key])]);
  const total = numbers.reduce((sum, [, n]) => sum + ((n as number | null) ?? 0), 0);
  return Object.fromEntries(
    numbers.map(([key, n]) => [
      key,
      n === null || total === 0 ? null : Math.round(((n as number) / total) * 100),
    ]),
  ) as Record<WeightKey, number | null>;
}

// ---- A case's matching profile -----------------------------------------------------------------

export const caseCautionLabels: Record<CaseCaution, string> = {
  confrontational: 'Can be confrontational',
  prison_pick_up: 'Needs a prison pick-up',
  hard_to_engage: 'Hard to engage',
};

export type ProfileValues = { area: string; language: string; kinds: CaseCaution[] };

export const profileValuesOf = (profile: CaseMatchingProfile): ProfileValues => ({
  area: profile.area ?? '',
  language: profile.language ?? '',
  kinds: [...profile.kinds],
});

/** Blank text means "not recorded" (null), as the contract wants. */
export const profileBodyOf = (values: ProfileValues): CaseMatchingProfile => ({
  area: values.area.trim() === '' ? null : values.area.trim(),
  language: values.language.trim() === '' ? null : values.language.trim(),
  kinds: [...new Set(values.kinds)],
});

export const profileLimits = { area: 80, language: 40 } as const;

export function profileErrors(values: ProfileValues): Partial<Record<'area' | 'language', string>> {
  const errors: Partial<Record<'area' | 'language', string>> = {};
  if (values.area.trim().length > profileLimits.area)
    errors.area = `Shorten the area to ${profileLimits.area} characters or fewer`;
  if (values.language.trim().length > profileLimits.language)
    errors.language = `Shorten the language to ${profileLimits.language} characters or fewer`;
  return errors;
}

// ---- Batch proposals ---------------------------------------------------------------------------

/** The placements the coordinator left ticked, in the shape the approval takes. */
export function approvalBody(proposal: BatchProposal, leftOut: ReadonlySet<string>) {
  return {
    placements: proposal.placements
      .filter((p) => !leftOut.has(p.caseId))
      .map((p) => ({ caseId: p.caseId, userId: p.userId })),
  };
}

/**
 * The server's refusal of an approval, in words: which case it was about (the detail's field is
 * `placements.<n>.…` of the body sent) and what to do. A stale or refused proposal is never partly
 * applied: nothing was allocated.
 */
export function approvalRefusal(
  error: unknown,
  sent: { placements: { caseId: string }[] },
  proposal: BatchProposal,
): { caseIds: string[]; messages: string[] } {
  if (!(error instanceof ApiError)) return { caseIds: [], messages: ['Something went wrong. Try again.'] };
  const caseIds: string[] = [];
  const messages: string[] = [];
  for (const detail of error.details) {
    const index = /^placements\.(\d+)\./.exec(detail.field)?.[1];
    const caseId = index === undefined ? undefined : sent.placements[Number(index)]?.caseId;
    const local = proposal.placements.find((p) => p.caseId === caseId)?.localCaseId;
    if (caseId) caseIds.push(caseId);
    messages.push(
      local && !detail.message.includes(local) ? `Case ${local}: ${detail.message}` : detail.message,
    );
  }
  if (messages.length === 0) messages.push(error.message);
  return {
    caseIds,
    messages: [...messages, 'Nothing was allocated. Ask for a new proposal and check it again.'],
  };
}

/**
 * The referrals to propose again for: every one in the proposal, placed or not, that the coordinator
 * has not left out, in the order shown. Proposing for exactly these re-solves the assignment, so a
 * peer freed by a left-out referral can serve another better.
 */
export function chosenCaseIds(proposal: BatchProposal, leftOut: ReadonlySet<string>): string[] {
  return [...proposal.placements, ...proposal.unplaced]
    .map((p) => p.caseId)
    .filter((caseId) => !leftOut.has(caseId));
}

/** What a new proposal says in the status message, for every waiting referral or for those chosen. */
export function proposalStatus(proposal: BatchProposal, chosen?: number): string {
  const matched = proposal.placements.length;
  const unmatched = proposal.unplaced.length;
  const result = `${matched} ${matched === 1 ? 'match' : 'matches'}${unmatched > 0 ? `, ${unmatched} left unmatched` : ''}`;
  if (chosen === undefined)
    return matched + unmatched === 0 ? 'No referral is waiting for a lead peer.' : `New proposal: ${result}.`;
  return `New proposal for the ${chosen} ticked ${chosen === 1 ? 'referral' : 'referrals'} only: ${result}.`;
}

/**
 * The server's refusal of a proposal for chosen referrals, in words: `caseIds.<n>` is the nth id
 * sent, named by its case number from the proposal on screen.
 */
export function choiceRefusal(error: unknown, sent: readonly string[], proposal: BatchProposal): string[] {
  if (!(error instanceof ApiError)) return ['Something went wrong. Try again.'];
  const cases = [...proposal.placements, ...proposal.unplaced];
  const messages = error.details.map((detail) => {
    const index = /^caseIds\.(\d+)$/.exec(detail.field)?.[1];
    const caseId = index === undefined ? undefined : sent[Number(index)];
    const local = cases.find((c) => c.caseId === caseId)?.localCaseId;
    return local ? `Case ${local}: ${detail.message}` : detail.message;
  });
  return messages.length > 0 ? messages : [error.message];
}

export const formatScore = (score: number) => score.toLocaleString('en-GB', { maximumFractionDigits: 1 });
