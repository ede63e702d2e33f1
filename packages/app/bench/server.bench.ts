// `npm run bench:server`: throughput and latency of an authenticated, audited read and an audited write,
// on PGlite and on PostgreSQL (127.0.0.1:5432 when reachable), and behaviour at twice the target load.
// The server runs in its own process so the load generator does not share its event loop.
//
// Load is offered at a steady rate (open loop): request i is sent at start + i/rate whatever happened to
// earlier ones, and its latency is counted from that planned moment, so time spent waiting for a free
// socket counts too. autocannon's `overallRate` instead sends each second's quota back to back at the
// start of the second (autocannon issue #174), which measures a 200-request burst, not 200 req/s; one
// such run per database is kept for comparison.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { demoAccounts, demoPassword } from '../src/server/demo/demo-accounts.ts';

const serverMain = fileURLToPath(new URL('../src/server/main.ts', import.meta.url));
const adminUrl = process.env.PEERPATH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = 3900 + Math.floor(Math.random() * 50);
const origin = `http://localhost:${port}`;

type Result = {
  label: string;
  rate: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  shed: number;
  errors: number;
  timeouts: number;
};

async function waitReady(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/health/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => c && !c.endsWith('='))
    .join('; ');
}

async function signInAdmin(): Promise<string> {
  const admin = demoAccounts.find((a) => a.role === 'admin');
  if (!admin?.totpSecret) throw new Error('demo admin missing');
  const headers = { 'content-type': 'application/json', origin };
  const first = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: admin.email, password: demoPassword }),
  });
  const code = new TOTP({ secret: Secret.fromBase32(admin.totpSecret) }).generate();
  const second = await fetch(`${origin}/api/auth/two-factor/verify`, {
    method: 'POST',
    headers: { ...headers, cookie: cookiesOf(first) },
    body: JSON.stringify({ code }),
  });
  if (!second.ok) throw new Error(`sign-in failed: ${second.status}`);
  return cookiesOf(second);
}

type BenchRequest = { method: 'GET' | 'PATCH'; path: string; body?: string };

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/** Offers `rate` requests a second, evenly spaced, for `duration` seconds; a request unanswered after 5 s is a timeout. */
async function paced(
  label: string,
  rate: number,
  request: BenchRequest,
  cookie: string,
  duration = seconds,
): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = rate * duration;
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const result = { ok: 0, shed: 0, errors: 0, timeouts: 0, answered: 0 };
  let shedWithoutRetryAfter = 0;
  const headers = { cookie, origin, 'content-type': 'application/json' };
  await new Promise<void>((resolve) => {
    let sent = 0;
    let finished = 0;
    const finish = () => {
      finished++;
      if (finished === total) resolve();
    };
    const fire = (plannedAt: number) => {
      let isSettled = false;
      const settle = (outcome: () => void) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(deadline);
        outcome();
        finish();
      };
      const deadline = setTimeout(() => {
        settle(() => result.timeouts++);
        req.destroy();
      }, 5000);
      const req = httpRequest(
        { agent, host: 'localhost', port, method: request.method, path: request.path, headers },
        (res) => {
          res.resume();
          res.on('end', () =>
            settle(() => {
              const status = res.statusCode ?? 0;
              result.answered++;
              if (status >= 200 && status < 300) {
                result.ok++;
                latencies.push(performance.now() - plannedAt);
              } else if (status === 503) {
                result.shed++;
                if (!res.headers['retry-after']) shedWithoutRetryAfter++;
              } else result.errors++;
            }),
          );
        },
      );
      req.on('error', () => settle(() => result.errors++));
      req.end(request.body);
    };
    const start = performance.now() + 20;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) fire(start + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  agent.destroy();
  if (shedWithoutRetryAfter > 0)
    console.warn(`${label}: ${shedWithoutRetryAfter} 503 answers had no Retry-After`);
  latencies.sort((a, b) => a - b);
  return {
    label,
    rate,
    rps: Math.round(result.answered / duration),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    ok: result.ok,
    shed: result.shed,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** autocannon's fixed-rate mode, kept for comparison: each second's requests go out as one burst. */
async function burst(
  label: string,
  rate: number,
  request: autocannon.Request,
  cookie: string,
): Promise<Result> {
  const result = await autocannon({
    url: origin,
    connections: Math.max(10, Math.ceil(rate / 5)),
    overallRate: rate,
    duration: seconds,
    timeout: 5,
    headers: { cookie, origin, 'content-type': 'application/json' },
    requests: [request],
  });
  const shed = result.statusCodeStats?.['503']?.count ?? 0;
  return {
    label,
    rate,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    shed,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function benchOne(kind: 'pglite' | 'postgres'): Promise<Result[]> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    PEERPATH_DEMO: 'true',
    PEERPATH_PUBLIC_URL: origin,
  };
  let dropDatabase = async () => {};
  env.PEERPATH_DATA_DIR = mkdtempSync(join(tmpdir(), 'peerpath-bench-'));
  if (kind === 'postgres') {
    const name = `peerpath_bench_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady();
    const cookie = await signInAdmin();
    const users = (await (await fetch(`${origin}/api/users?limit=5`, { headers: { cookie } })).json()) as {
      items: { id: string }[];
    };
    const target = users.items.find((u) => u.id)?.id;
    const read: BenchRequest = { method: 'GET', path: `/api/users/${target}` };
    const write: BenchRequest = {
      method: 'PATCH',
      path: `/api/users/${target}`,
      body: JSON.stringify({ name: 'Benchmark Person' }),
    };
    // Warm-up, not recorded: a long-running server has its code compiled and its pool connected.
    await paced('warm-up', 100, read, cookie, 3);
    await paced('warm-up', 100, write, cookie, 3);
    const results = [
      await paced(`${kind}: authenticated read (GET /api/users/:id, audited)`, 200, read, cookie),
      await paced(`${kind}: audited write (PATCH /api/users/:id)`, 200, write, cookie),
      await paced(`${kind}: read at 2x load`, 400, read, cookie),
      await paced(`${kind}: read at 4x load`, 800, read, cookie),
      await burst(`${kind}: read, autocannon 1-second bursts`, 200, read, cookie),
    ];
    const alive = await fetch(`${origin}/health/live`)
      .then((r) => r.ok)
      .catch(() => false);
    if (!alive) throw new Error(`${kind}: server did not survive the overload run`);
    // Liveness is never shed, so also check that ordinary requests are admitted again once the load stops.
    let recovered = false;
    for (let i = 0; i < 20 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 500));
      recovered = (await fetch(`${origin}${read.path}`, { headers: { cookie } })).status === 200;
    }
    if (!recovered) throw new Error(`${kind}: server still refuses requests after the overload runs`);
    return results;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await dropDatabase();
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const kinds: ('pglite' | 'postgres')[] = ['pglite'];
if (await postgresReachable()) kinds.push('postgres');
else console.warn(`PostgreSQL not reachable at ${adminUrl}; measuring PGlite only.`);

const all: Result[] = [];
for (const kind of kinds) all.push(...(await benchOne(kind)));

console.log(
  `\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · ${cpus()[0]?.model} · Node ${process.version} · ${seconds} s per run · load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}\n`,
);
console.log('| Run | Offered req/s | Served req/s | p50 ms | p99 ms | 2xx | 503 shed | errors | timeouts |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of all) {
  console.log(
    `| ${r.label} | ${r.rate} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.shed} | ${r.errors} | ${r.timeouts} |`,
  );
}
