import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { closeStaleStepDowns } from '../modules/cases/step-down-close.job.ts';
// Daily check-ins (issue 5)
import { runCheckIns } from '../modules/check-ins/check-ins.job.ts';
import { escalateOverdueConcerns } from '../modules/safeguarding/escalate-overdue.job.ts';
import { sendRenewalReminders } from '../modules/workforce/safety/renewal-reminders.job.ts';

/** `publicUrl` is where people reach Peerpath, for links sent by text (check-ins). */
type JobDeps = { db: Db; clock: Clock; publicUrl?: string | undefined };
type Job = { name: string; everyMs: number; run: (deps: JobDeps) => Promise<unknown> };

/** The jobs the server runs on a timer. Each is idempotent and safe to run from several processes. */
export const scheduledJobs: Job[] = [
  { name: 'close stale step-down cases', everyMs: 60 * 60 * 1000, run: closeStaleStepDowns },
  // Daily check-ins (issue 5): send due check-ins, chase unanswered ones, deliver held alerts.
  { name: 'send and chase daily check-ins', everyMs: 60 * 1000, run: runCheckIns },
  // Safeguarding (issue 6): a step whose deadline passed moves on by itself.
  { name: 'escalate overdue safeguarding concerns', everyMs: 5 * 60 * 1000, run: escalateOverdueConcerns },
  // Peer workforce (issue 6): DBS rechecks, certificate renewals and time limits coming due, told once
  // per due date (hourly, so a reminder goes out the first hour of its day, even after a restart).
  { name: 'send renewal reminders', everyMs: 60 * 60 * 1000, run: sendRenewalReminders },
];

/**
 * Runs each job shortly after start and then on its interval, one run at a time. A failed run is
 * logged (by type only) and retried at the next tick. Returns a function that stops the timers.
 */
export function startScheduler(deps: JobDeps & { log: FastifyBaseLogger }, jobs = scheduledJobs) {
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
