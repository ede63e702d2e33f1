import { buildApp, defaultWebDir } from './app.ts';
import { resolveAuthSecret } from './auth/auth-secret.ts';
import { openConfiguredDatabase } from './boot.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { describeDemoLogins, seedDemo } from './demo/seed-demo.ts';
import { startScheduler } from './jobs/scheduler.ts';

async function main() {
  const config = loadConfig();
  const authSecret = resolveAuthSecret(config);
  let poolErrors = 0;
  const database = await openConfiguredDatabase(config, () => {
    poolErrors++; // requests meanwhile fail fast with 503; the pool reconnects by itself
  });
  const demo = config.isDemoEnabled ? await seedDemo(database.db, { authSecret }) : undefined;

  const listenUrl = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const app = await buildApp({
    database,
    authSecret,
    // The public URL must match the port actually listened on; PORT=0 is resolved after listening.
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    logLevel: config.logLevel,
    maxInFlight: config.maxInFlight,
    webDir: defaultWebDir,
    smsInboundSecret: config.smsInboundSecret,
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? listenUrl.replace(/:\d+$/, `:${port}`).replace('127.0.0.1', 'localhost');
  process.stdout.write(`\nPeerpath is listening on ${url} (database: ${database.kind})\n`);
  if (demo) process.stdout.write(describeDemoLogins(url));
  const stopJobs = startScheduler({ db: database.db, clock: systemClock, log: app.log, publicUrl: url });

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal, poolErrors }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    stopJobs();
    await app.close(); // stops accepting, lets in-flight requests finish
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Peerpath cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Peerpath failed to start: ${(error as Error).name}: ${(error as Error).message}\n`);
  }
  process.exit(1);
});
