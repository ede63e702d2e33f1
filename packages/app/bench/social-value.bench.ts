// `npm run bench:social-value`: how long the commissioner report takes to recalculate after an edit.
//
// The app is built in-process over the demo data (about 265 synthetic cases with their contacts and
// fund applications, and the two demo impact maps) on embedded PGlite, or on a fresh PostgreSQL
// database when PEERPATH_BENCH_DATABASE_URL is set. Signed in as the demo evaluator, each run saves
// an edit to the live-linked demo map (PUT /api/impact-maps/:id, one quantity changed) and then asks
// for its report (GET /api/impact-maps/:id/report: the map, its proxies and the live counts read from
// the records, then scenarios, break-even, tornado and two Monte Carlo runs of 10,000 draws each).
// The same is timed for a larger map of 20 live-linked outcomes. Requests go through Fastify's
// inject (routing, authentication, validation, serialisation; no network). BENCH_RUNS sets the runs.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ImpactMap, UpdateImpactMapBody } from '../src/contract/social-value.ts';
import { buildApp } from '../src/server/app.ts';
import { demoAccounts, demoPassword } from '../src/server/demo/demo-accounts.ts';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { openBenchDatabase } from './bench-database.ts';

const runs = Number(process.env.BENCH_RUNS ?? 30);
const origin = 'http://bench.peerpath.test';
const authSecret = randomBytes(32).toString('hex');
const log = (line: string) => process.stdout.write(`${line}\n`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(1);
  return `p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, max ${ms(sorted.at(-1) as number)} ms`;
};

/** The map as the editor sends it back, with one live outcome's change per person nudged. */
function edited(map: ImpactMap, run: number): UpdateImpactMapBody {
  const { id: _id, siteId: _siteId, siteName: _siteName, sites, updatedAt: _updatedAt, ...body } = map;
  return {
    ...body,
    otherSiteIds: sites.slice(1).map((s) => s.id),
    outcomes: body.outcomes.map((o, i) => (i === 0 ? { ...o, quantityFactor: 0.1 + (run % 5) / 100 } : o)),
  };
}

/** A larger map: 20 outcomes over four stakeholders, each linked to one of the live counts. */
function largeMap(map: ImpactMap): UpdateImpactMapBody {
  const base = edited(map, 0);
  const stakeholders = ['Service users', 'Families', 'Peer supporters', 'The State'].map((name, i) => ({
    key: `s${i}`,
    name,
  }));
  const sources = [
    'engaged_cases',
    'cases_discharged_goals_met',
    'cases_referred',
    'fund_applications_approved',
  ] as const;
  return {
    ...base,
    stakeholders,
    outcomes: Array.from({ length: 20 }, (_, i) => ({
      stakeholderKey: `s${i % 4}`,
      name: `Outcome ${i + 1}`,
      quantitySource: sources[i % 4] as (typeof sources)[number],
      quantityFactor: 0.05 + (i % 3) * 0.05,
      proxy: { kind: 'library' as const, key: 'wellby-central' },
      optimisticProxy: { kind: 'library' as const, key: 'wellby-high' },
      deadweight: 0.1,
      attribution: 0.3,
      dropOff: 0.4,
      duration: 1 + (i % 4),
    })),
  };
}

async function main() {
  const { database, label, close } = await openBenchDatabase('sv');
  await seedDemo(database.db, { authSecret });
  const app = await buildApp({ database, authSecret, publicUrl: origin, logLevel: 'warn' });
  await app.ready();
  try {
    const evaluator = demoAccounts.find((a) => a.role === 'evaluator');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin },
      payload: { email: evaluator?.email, password: demoPassword },
    });
    const cookie = ([] as string[])
      .concat(signIn.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const call = async (method: 'GET' | 'PUT', url: string, payload?: object) => {
      const response = await app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { origin }) },
        ...(payload ? { payload } : {}),
      });
      if (response.statusCode !== 200)
        throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response;
    };
    const maps = (await call('GET', '/api/impact-maps')).json().items as { id: string; title: string }[];
    const live = maps.find((m) => m.title.includes('(live)'));
    if (!live) throw new Error('the demo has no live map');
    let map = (await call('GET', `/api/impact-maps/${live.id}`)).json() as ImpactMap;

    log(`Social value report after an edit — ${label}, ${runs} runs each`);
    log(
      `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    for (const [name, makeBody] of [
      ['demo live map (3 outcomes, 8 cost lines)', (m: ImpactMap, run: number) => edited(m, run)],
      [
        'larger map (20 live-linked outcomes)',
        (m: ImpactMap, run: number) => ({
          ...largeMap(m),
          version: m.version,
          outcomes: largeMap(m).outcomes.map((o, i) =>
            i === 0 ? { ...o, quantityFactor: 0.05 + run / 1000 } : o,
          ),
        }),
      ],
    ] as const) {
      // Warm-up: one save and report, not timed.
      map = (await call('PUT', `/api/impact-maps/${live.id}`, makeBody(map, 0))).json();
      await call('GET', `/api/impact-maps/${live.id}/report`);
      const saves: number[] = [];
      const reports: number[] = [];
      const both: number[] = [];
      let ratio = 0;
      for (let run = 1; run <= runs; run++) {
        const start = performance.now();
        map = (await call('PUT', `/api/impact-maps/${live.id}`, makeBody(map, run))).json();
        const saved = performance.now();
        const report = (await call('GET', `/api/impact-maps/${live.id}/report`)).json();
        const end = performance.now();
        ratio = report.headline.centralRatio;
        saves.push(saved - start);
        reports.push(end - saved);
        both.push(end - start);
      }
      log(`\n${name} (central ratio ${ratio.toFixed(2)})`);
      log(`  save (PUT):                   ${summary(saves)}`);
      log(`  report (GET, recalculated):   ${summary(reports)}`);
      log(`  edit to recalculated report:  ${summary(both)}`);
    }
    log(
      `\nload average after: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await app.close();
    await close();
  }
}

await main();
