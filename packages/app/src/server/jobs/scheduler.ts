import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { closeStaleStepDowns } from '../modules/cases/step-down-close.job.ts';

type Job = { name: string; everyMs: number; run: (deps: { db: Db; clock: Clock }) => Promise<unknown> };

/** The jobs the server runs on a timer. Each is idempotent and safe to run from several processes. */
export const scheduledJobs: Job[] = [
  { name: 'close stale step-down cases', everyMs: 60 * 60 * 1000, run: closeStaleStepDowns },
];

/**
 * Runs each job shortly after start and then on its interval, one run at a time. A failed run is
 * logged (by type only) and retried at the next tick. Returns a function that stops the timers.
 */
export function startScheduler(deps: { db: Db; clock: Clock; log: FastifyBaseLogger }, jobs = scheduledJobs) {
  const timers = jobs.map((job) => {
    let isRunning = false;
    const tick = async () => {
      if (isRunning) return;
      isRunning = true;
      try {
        await job.run(deps);
      } catch (error) {
        deps.log.error({ job: job.name, errorType: (error as Error).name }, 'scheduled job failed');
      } finally {
        isRunning = false;
      }
    };
    const first = setTimeout(tick, 10_000);
    const every = setInterval(tick, job.everyMs);
    first.unref();
    every.unref();
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  });
  return () => {
    for (const stop of timers) stop();
  };
}
