// `npm run bench:matching`: the batch assignment of issue 6 §8 — 200 referrals across 1,000 peers,
// solved exactly (hard constraints, then the best total score under every peer's free places). The
// instance is synthetic and seeded, so runs compare: a mix of roles, checks, genders, areas,
// languages, lived experience and complexity like a large organisation's, with 0–5 free places each.
// Target: under 2 seconds. BENCH_REFERRALS and BENCH_PEERS change the size.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { complexities } from '../src/contract/case-codes.ts';
import { proposeBatchAssignment } from '../src/server/modules/matching/batch-assignment.rules.ts';
import type { MatchCandidate, MatchCase } from '../src/server/modules/matching/matching.rules.ts';

const referralCount = Number(process.env.BENCH_REFERRALS ?? 200);
const peerCount = Number(process.env.BENCH_PEERS ?? 1000);
const runs = 5;

// A small seeded generator (mulberry32), so every run solves the same instance.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const some = <T>(items: readonly T[], p: number): T[] => items.filter(() => random() < p);

const lived = ['homelessness', 'substance_use', 'mental_health', 'criminal_justice', 'domestic_abuse'];
const areas = Array.from({ length: 30 }, (_, i) => `Area ${i + 1}`);
const languages = ['English', 'Polish', 'Urdu', 'Punjabi', 'Romanian', 'Arabic'];

const referrals: MatchCase[] = Array.from({ length: referralCount }, (_, i) => ({
  id: `case-${i}`,
  complexity: pick(complexities),
  genderPreference: pick(['no_preference', 'no_preference', 'no_preference', 'female', 'male'] as const),
  livedExperienceWanted: some(lived, 0.35),
  flags: random() < 0.1 ? ['confrontational'] : [],
  area: pick(areas),
  language: random() < 0.15 ? pick(languages) : null,
}));

const peers: MatchCandidate[] = Array.from({ length: peerCount }, (_, i) => {
  const isIntern = random() < 0.4;
  const capacity = isIntern ? 3 : 12;
  return {
    peerId: `peer-${i}`,
    name: `Peer ${i}`,
    canCarryCases: random() < 0.9,
    roleLabel: isIntern ? 'Intern volunteer' : 'Paid peer supporter',
    areChecksCurrent: random() < 0.95,
    capacity,
    openCases: Math.max(0, capacity - Math.floor(random() * 6)),
    maxComplexity: isIntern ? 'moderate' : 'high',
    gender: pick(['female', 'male', 'non_binary']),
    livedExperience: some(lived, 0.4),
    areas: some(areas, 0.1),
    languages: ['English', ...some(languages.slice(1), 0.1)],
    avoidsFlags: random() < 0.1 ? ['confrontational'] : [],
    excludedCaseIds: random() < 0.05 ? [`case-${Math.floor(random() * referralCount)}`] : [],
    otherBlockers: [],
  };
});

const log = (line: string) => process.stdout.write(`${line}\n`);
log(`Batch assignment: ${referralCount} referrals across ${peerCount} peers`);
log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load ${loadavg()[0]?.toFixed(2)}`);
const free = peers.reduce((s, p) => s + Math.max(0, p.capacity - p.openCases), 0);
log(`Free places in all: ${free.toLocaleString('en-GB')}`);
const times: number[] = [];
let placed = 0;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const proposal = proposeBatchAssignment(referrals, peers);
  times.push(performance.now() - start);
  placed = proposal.placements.length;
  if (run === 0)
    log(`Placed ${placed}, unplaced ${proposal.unplacedCaseIds.length}, total score ${proposal.totalScore}`);
}
times.sort((a, b) => a - b);
log(`Runs: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
log(`Median: ${((times[Math.floor(runs / 2)] as number) / 1000).toFixed(2)} s (target under 2 s)`);
