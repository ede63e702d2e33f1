import type { Complexity } from '../../../contract/case-codes.ts';

/**
 * Matching a case to peers (issue 6 §8): hard constraints decide who may take the case at all, soft
 * preferences (weighted per site) rank those who may, and every suggestion says why in words a
 * coordinator can check. Pure: the service loads cases and candidates and passes them in.
 */

export type MatchCase = {
  id: string;
  complexity: Complexity | null;
  genderPreference: 'no_preference' | 'female' | 'male' | null;
  /** Lived-experience areas that matter for this person (from their needs). */
  livedExperienceWanted: string[];
  /** What the case involves that some peers' plans rule out (e.g. "confrontational"). */
  flags: string[];
  area: string | null;
  language: string | null;
};

export type MatchCandidate = {
  /** The caller's id for the person (the service uses the workforce member id). */
  peerId: string;
  name: string;
  /** The person's current role may carry cases (interns and paid peers, issue 6 §1). */
  canCarryCases: boolean;
  roleLabel: string;
  /** Every required check (DBS and the like) is present and in date. */
  areChecksCurrent: boolean;
  capacity: number;
  openCases: number;
  /** The most complex case their level allows. */
  maxComplexity: Complexity;
  gender: string | null;
  livedExperience: string[];
  areas: string[];
  languages: string[];
  /** Case flags this person's plan rules out ("not confrontational cases"). */
  avoidsFlags: string[];
  /** Cases this person must not take: known associates, an access limit, a recorded exclusion. */
  excludedCaseIds: string[];
  /** Blockers found by the workforce rules (already worded), e.g. "on a pause until 1 March 2027". */
  otherBlockers: string[];
};

/** How much each soft preference counts, per site. Zero switches a preference off. */
export type MatchWeights = {
  livedExperience: number;
  area: number;
  language: number;
  capacity: number;
};

export const defaultMatchWeights: MatchWeights = {
  livedExperience: 40,
  area: 25,
  language: 15,
  capacity: 20,
};

export type Eligible = { peerId: string; name: string; score: number; reasons: string[] };
export type Ineligible = { peerId: string; name: string; blockers: string[] };
export type Shortlist = { eligible: Eligible[]; ineligible: Ineligible[] };

const complexityRank: Record<Complexity, number> = { low: 0, moderate: 1, high: 2 };
const complexityWords: Record<Complexity, string> = { low: 'low', moderate: 'moderate', high: 'high' };

/** Lived-experience areas in words; anything unknown is shown with underscores as spaces. */
const livedExperienceWords: Record<string, string> = {
  homelessness: 'homelessness',
  reoffending: 'the criminal justice system',
  criminal_justice: 'the criminal justice system',
  substance_use: 'substance use',
  mental_health: 'mental health problems',
  domestic_abuse: 'domestic abuse',
};
export const livedExperienceInWords = (area: string) =>
  livedExperienceWords[area] ?? area.replaceAll('_', ' ');

/** Which case needs call for which lived experience (the same codes, by design). */
export function livedExperienceForNeeds(needs: readonly string[]): string[] {
  return needs.filter((n) => n !== 'other');
}

export const freePlaces = (c: MatchCandidate) => Math.max(0, c.capacity - c.openCases);

/** Every hard constraint a candidate fails for a case, in words; empty when they may take it. */
export function hardBlockers(matchCase: MatchCase, c: MatchCandidate): string[] {
  const blockers: string[] = [];
  if (!c.canCarryCases) blockers.push(`A ${c.roleLabel.toLowerCase()} does not carry cases`);
  if (!c.areChecksCurrent) blockers.push('A required safety check is missing or out of date');
  // Places and complexity mean nothing for a role that carries no cases.
  if (c.canCarryCases && freePlaces(c) === 0)
    blockers.push(`No places free (${c.openCases} of ${c.capacity} taken)`);
  if (
    c.canCarryCases &&
    matchCase.complexity &&
    complexityRank[matchCase.complexity] > complexityRank[c.maxComplexity]
  )
    blockers.push(
      `The case is of ${complexityWords[matchCase.complexity]} complexity; their level allows up to ${complexityWords[c.maxComplexity]}`,
    );
  // Someone limited below high complexity may only take a case whose complexity is known.
  if (c.canCarryCases && matchCase.complexity === null && c.maxComplexity !== 'high')
    blockers.push(
      `The case’s complexity is not recorded; their level allows up to ${complexityWords[c.maxComplexity]}`,
    );
  const preference = matchCase.genderPreference;
  if ((preference === 'female' || preference === 'male') && c.gender !== preference)
    blockers.push(`The client prefers a ${preference === 'female' ? 'woman' : 'man'}`);
  if (c.excludedCaseIds.includes(matchCase.id)) blockers.push('Recorded as excluded from this case');
  for (const flag of matchCase.flags)
    if (c.avoidsFlags.includes(flag))
      blockers.push(`Their plan rules out ${flag.replaceAll('_', ' ')} cases`);
  blockers.push(...c.otherBlockers);
  return blockers;
}

const normalise = (s: string) => s.trim().toLowerCase();

/**
 * The soft score (0 to the sum of the weights, two decimals) and its reasons. Reasons are never
 * empty: the free places are always stated, so a coordinator sees the capacity every suggestion uses.
 */
export function softScore(
  matchCase: MatchCase,
  c: MatchCandidate,
  weights: MatchWeights,
): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const shared = matchCase.livedExperienceWanted.filter((a) => c.livedExperience.includes(a));
  if (matchCase.livedExperienceWanted.length > 0) {
    score += (weights.livedExperience * shared.length) / matchCase.livedExperienceWanted.length;
    for (const area of shared) reasons.push(`Shares lived experience of ${livedExperienceInWords(area)}`);
  }
  if (matchCase.genderPreference === 'female' || matchCase.genderPreference === 'male')
    reasons.push(`Client prefers a ${matchCase.genderPreference === 'female' ? 'woman' : 'man'}`);
  if (matchCase.area) {
    const area = matchCase.area;
    const covered = c.areas.find((a) => normalise(a) === normalise(area));
    if (covered) {
      score += weights.area;
      reasons.push(`Covers ${covered}`);
    }
  }
  if (matchCase.language) {
    const language = matchCase.language;
    const spoken = c.languages.find((l) => normalise(l) === normalise(language));
    if (spoken) {
      score += weights.language;
      reasons.push(`Speaks ${spoken}`);
    }
  }
  const free = freePlaces(c);
  if (c.capacity > 0) score += (weights.capacity * free) / c.capacity;
  reasons.push(`${free} of ${c.capacity} ${c.capacity === 1 ? 'place' : 'places'} free`);
  return { score: Math.round(score * 100) / 100, reasons };
}

/** The shortlist for one case: eligible peers best first (ties by name), then the others with why not. */
export function shortlistFor(
  matchCase: MatchCase,
  candidates: readonly MatchCandidate[],
  weights: MatchWeights = defaultMatchWeights,
): Shortlist {
  const eligible: Eligible[] = [];
  const ineligible: Ineligible[] = [];
  for (const c of candidates) {
    const blockers = hardBlockers(matchCase, c);
    if (blockers.length > 0) ineligible.push({ peerId: c.peerId, name: c.name, blockers });
    else eligible.push({ peerId: c.peerId, name: c.name, ...softScore(matchCase, c, weights) });
  }
  eligible.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'en-GB'));
  ineligible.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { eligible, ineligible };
}
