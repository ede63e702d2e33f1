import type { ImportProgress } from '../../../contract/imports.ts';
import type { Clock } from '../../clock.ts';
import { newId } from '../../db/ids.ts';

type ImportJob = { ownerUserId: string; progress: ImportProgress; finishedAtMs?: number };

/**
 * The imports this process is running or has just run, kept in memory so the upload page can poll
 * their progress. Only the person who started an import can read it. Finished imports are forgotten
 * after an hour; a restart forgets them all (the import itself either committed or did not).
 */
export function createImportJobs({
  clock,
  maxRunning = 2,
  keepForMs = 60 * 60 * 1000,
}: {
  clock: Clock;
  /** Imports hold their files in memory while they run; more than this at once are refused. */
  maxRunning?: number;
  keepForMs?: number;
}) {
  const jobs = new Map<string, ImportJob>();

  const forgetOld = () => {
    const now = clock.now().getTime();
    for (const [id, job] of jobs) if (job.finishedAtMs && now - job.finishedAtMs > keepForMs) jobs.delete(id);
  };
  const running = () => [...jobs.values()].filter((job) => job.finishedAtMs === undefined).length;

  return {
    /** A new job, or null when too many are running already. */
    start(ownerUserId: string, siteId: string): { id: string } | null {
      forgetOld();
      if (running() >= maxRunning) return null;
      const id = newId();
      jobs.set(id, {
        ownerUserId,
        progress: {
          id,
          siteId,
          phase: 'validating',
          rowsRead: 0,
          rowsWritten: 0,
          startedAt: clock.now().toISOString(),
        },
      });
      return { id };
    },
    update(id: string, change: Partial<ImportProgress>): void {
      const job = jobs.get(id);
      if (!job) return;
      job.progress = { ...job.progress, ...change };
      if (change.phase === 'done' || change.phase === 'failed') {
        job.finishedAtMs = clock.now().getTime();
        job.progress.finishedAt = clock.now().toISOString();
      }
    },
    /** The job's progress, for its owner only. */
    find(id: string, userId: string): ImportProgress | undefined {
      forgetOld();
      const job = jobs.get(id);
      return job && job.ownerUserId === userId ? job.progress : undefined;
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
