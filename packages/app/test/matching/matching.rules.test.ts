import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type Complexity, complexities } from '../../src/contract/case-codes.ts';
import { minimumCostAssignment } from '../../src/server/modules/matching/assignment.ts';
import {
  proposeBatchAssignment,
  unplacedBecause,
} from '../../src/server/modules/matching/batch-assignment.rules.ts';
import {
  defaultMatchWeights,
  type MatchCandidate,
  type MatchCase,
  type MatchWeights,
  shortlistFor,
  softScore,
} from '../../src/server/modules/matching/matching.rules.ts';

const livedAreas = ['homelessness', 'substance_use', 'mental_health', 'criminal_justice'] as const;
const towns = ['Trowbridge', 'Leeds', 'Bradford'] as const;
const tongues = ['English', 'Polish', 'Urdu'] as const;
const level: Record<Complexity, number> = { low: 0, moderate: 1, high: 2 };

const caseArb = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    complexity: fc.constantFrom<Complexity | null>(null, ...complexities),
    genderPreference: fc.constantFrom<MatchCase['genderPreference']>(null, 'no_preference', 'female', 'male'),
    livedExperienceWanted: fc.subarray([...livedAreas]),
    flags: fc.subarray(['confrontational', 'known_associates']),
    area: fc.constantFrom<string | null>(null, ...towns),
    language: fc.constantFrom<string | null>(null, ...tongues),
  });

const candidateArb = (peerId: fc.Arbitrary<string>, caseIds: string[]) =>
  fc
    .record({
      peerId,
      name: fc.constantFrom('Alex', 'Sam', 'Jo', 'Kim'),
      canCarryCases: fc.boolean(),
      roleLabel: fc.constantFrom('New volunteer', 'Intern volunteer', 'Paid peer supporter'),
      areChecksCurrent: fc.boolean(),
      capacity: fc.integer({ min: 0, max: 4 }),
      openCases: fc.integer({ min: 0, max: 4 }),
      maxComplexity: fc.constantFrom(...complexities),
      gender: fc.constantFrom<string | null>(null, 'female', 'male', 'non_binary'),
      livedExperience: fc.subarray([...livedAreas]),
      areas: fc.subarray([...towns]),
      languages: fc.subarray([...tongues]),
      avoidsFlags: fc.subarray(['confrontational', 'known_associates']),
      excludedCaseIds: fc.subarray(caseIds),
      otherBlockers: fc.constantFrom<string[]>([], [], ['On a pause until 1 March 2027']),
    })
    .map((c) => ({ ...c, openCases: Math.min(c.openCases, c.capacity) }));

/** The hard constraints, written out again independently of the rules module. */
function mayTake(c: MatchCandidate, m: MatchCase): boolean {
  return (
    c.canCarryCases &&
    c.areChecksCurrent &&
    c.openCases < c.capacity &&
    (m.complexity === null ? c.maxComplexity === 'high' : level[m.complexity] <= level[c.maxComplexity]) &&
    (m.genderPreference === null ||
      m.genderPreference === 'no_preference' ||
      c.gender === m.genderPreference) &&
    !c.excludedCaseIds.includes(m.id) &&
    !m.flags.some((f) => c.avoidsFlags.includes(f)) &&
    c.otherBlockers.length === 0
  );
}

const uniqueIds = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const peer = (extra: Partial<MatchCandidate> = {}): MatchCandidate => ({
  peerId: 'u1',
  name: 'Alex',
  canCarryCases: true,
  roleLabel: 'Paid peer supporter',
  areChecksCurrent: true,
  capacity: 12,
  openCases: 9,
  maxComplexity: 'high',
  gender: 'female',
  livedExperience: ['homelessness'],
  areas: ['Trowbridge'],
  languages: ['English'],
  avoidsFlags: [],
  excludedCaseIds: [],
  otherBlockers: [],
  ...extra,
});
const aCase = (extra: Partial<MatchCase> = {}): MatchCase => ({
  id: 'c1',
  complexity: 'moderate',
  genderPreference: 'female',
  livedExperienceWanted: ['homelessness'],
  flags: [],
  area: 'Trowbridge',
  language: null,
  ...extra,
});

describe('a shortlist for one case', () => {
  it('gives each suggestion its reasons in plain words', () => {
    const { eligible } = shortlistFor(aCase(), [peer()]);
    expect(eligible[0]?.reasons).toEqual([
      'Shares lived experience of homelessness',
      'Client prefers a woman',
      'Covers Trowbridge',
      '3 of 12 places free',
    ]);
  });

  it('lists the peers who may not take the case with every hard reason', () => {
    const { eligible, ineligible } = shortlistFor(aCase({ complexity: 'high' }), [
      peer({ gender: 'male', openCases: 12, maxComplexity: 'moderate', areChecksCurrent: false }),
    ]);
    expect(eligible).toEqual([]);
    expect(ineligible[0]?.blockers).toEqual([
      'A required safety check is missing or out of date',
      'No places free (12 of 12 taken)',
      'The case is of high complexity; their level allows up to moderate',
      'The client prefers a woman',
    ]);
  });

  it('ranks the peer who shares lived experience and covers the area first', () => {
    const { eligible } = shortlistFor(aCase({ genderPreference: 'no_preference' }), [
      peer({ peerId: 'u2', name: 'Sam', livedExperience: [], areas: [] }),
      peer({ peerId: 'u1', name: 'Alex' }),
    ]);
    expect(eligible.map((e) => e.peerId)).toEqual(['u1', 'u2']);
  });

  it('weighs soft preferences by the site’s weights (a zero weight switches one off)', () => {
    const weights: MatchWeights = { ...defaultMatchWeights, livedExperience: 0 };
    expect(softScore(aCase(), peer(), weights).score).toBe(25 + (20 * 3) / 12);
  });

  propertyTest.prop([
    caseArb(fc.constant('c0')).chain((m) =>
      fc.tuple(fc.constant(m), fc.array(candidateArb(fc.uuid(), ['c0', 'c1']), { maxLength: 8 })),
    ),
  ])(
    'never suggests a peer who breaks a hard constraint, and every suggestion has reasons',
    ([m, candidates]) => {
      const { eligible, ineligible } = shortlistFor(m, candidates);
      expect(eligible.length + ineligible.length).toBe(candidates.length);
      for (const e of eligible) {
        const c = candidates.find((x) => x.peerId === e.peerId) as MatchCandidate;
        expect(mayTake(c, m)).toBe(true);
        expect(e.reasons.length).toBeGreaterThan(0);
      }
      for (const i of ineligible) {
        const c = candidates.find((x) => x.peerId === i.peerId) as MatchCandidate;
        expect(mayTake(c, m)).toBe(false);
        expect(i.blockers.length).toBeGreaterThan(0);
      }
    },
  );
});

/** Every way of placing each referral with one peer or none, within capacities: the best total. */
function bruteForceBest(referrals: MatchCase[], candidates: MatchCandidate[]): number {
  const free = candidates.map((c) => Math.max(0, c.capacity - c.openCases));
  let best = 0;
  const walk = (i: number, total: number) => {
    if (i === referrals.length) {
      best = Math.max(best, total);
      return;
    }
    walk(i + 1, total);
    const r = referrals[i] as MatchCase;
    candidates.forEach((c, p) => {
      if ((free[p] as number) === 0 || !mayTake(c, r)) return;
      free[p] = (free[p] as number) - 1;
      walk(i + 1, total + softScore(r, c, defaultMatchWeights).score);
      free[p] = (free[p] as number) + 1;
    });
  };
  walk(0, 0);
  return Math.round(best * 100) / 100;
}

const batchArb = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const caseIds = uniqueIds('c', n);
  return fc.tuple(
    fc.tuple(...caseIds.map((id) => caseArb(fc.constant(id)))),
    fc
      .integer({ min: 1, max: 4 })
      .chain((k) => fc.tuple(...uniqueIds('u', k).map((id) => candidateArb(fc.constant(id), caseIds)))),
  );
});

describe('a batch assignment of many referrals', () => {
  propertyTest.prop([batchArb], { numRuns: 300 })(
    'scores as much as the best of all assignments found by brute force, and breaks no constraint',
    ([referrals, candidates]) => {
      const proposal = proposeBatchAssignment(referrals, candidates);
      expect(proposal.totalScore).toBeCloseTo(bruteForceBest(referrals, candidates), 6);
      const taken = new Map<string, number>();
      for (const p of proposal.placements) {
        const c = candidates.find((x) => x.peerId === p.peerId) as MatchCandidate;
        const r = referrals.find((x) => x.id === p.caseId) as MatchCase;
        expect(mayTake(c, r)).toBe(true);
        expect(p.reasons.length).toBeGreaterThan(0);
        taken.set(c.peerId, (taken.get(c.peerId) ?? 0) + 1);
      }
      for (const c of candidates)
        expect(taken.get(c.peerId) ?? 0).toBeLessThanOrEqual(c.capacity - c.openCases);
      expect(proposal.placements.length + proposal.unplacedCaseIds.length).toBe(referrals.length);
    },
  );

  it('gives the one place to the referral it suits best, not to the first in the queue', () => {
    const one = peer({ capacity: 1, openCases: 0, languages: ['Polish'] });
    const first = aCase({ id: 'c1', genderPreference: null, livedExperienceWanted: [], area: null });
    const second = aCase({ id: 'c2', genderPreference: null, language: 'Polish' });
    const proposal = proposeBatchAssignment([first, second], [one]);
    expect(proposal.placements.map((p) => p.caseId)).toEqual(['c2']);
    expect(proposal.unplacedCaseIds).toEqual(['c1']);
    expect(proposal.unplacedReasons.c1).toBe(unplacedBecause.placesTaken);
  });

  it('says a referral was left because no peer may take it at all', () => {
    const full = peer({ capacity: 1, openCases: 1 });
    const proposal = proposeBatchAssignment([aCase({ id: 'c1' })], [full]);
    expect(proposal.unplacedCaseIds).toEqual(['c1']);
    expect(proposal.unplacedReasons.c1).toBe(unplacedBecause.noEligiblePeer);
  });
});

describe('the assignment solver', () => {
  propertyTest.prop([
    fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc
          .integer({ min: n, max: 6 })
          .chain((m) =>
            fc.tuple(
              fc.constant(m),
              fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n * m, maxLength: n * m }),
            ),
          ),
      ),
    ),
  ])('finds the cheapest assignment of rows to distinct columns', ([n, [m, cells]]) => {
    const cost = Float64Array.from(cells);
    const columnOfRow = minimumCostAssignment(n, m, cost);
    expect(new Set(columnOfRow).size).toBe(n);
    const total = [...columnOfRow].reduce((s, j, i) => s + (cost[i * m + j] as number), 0);
    let best = Number.POSITIVE_INFINITY;
    const used = new Array<boolean>(m).fill(false);
    const walk = (i: number, sum: number) => {
      if (i === n) {
        best = Math.min(best, sum);
        return;
      }
      for (let j = 0; j < m; j++) {
        if (used[j]) continue;
        used[j] = true;
        walk(i + 1, sum + (cost[i * m + j] as number));
        used[j] = false;
      }
    };
    walk(0, 0);
    expect(total).toBe(best);
  });
});
