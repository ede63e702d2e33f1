import { openConfiguredDatabase } from '../boot.ts';
import { loadConfig } from '../config.ts';

export type CliDatabase = Awaited<ReturnType<typeof openConfiguredDatabase>>;

/** Opens the configured database (migrating it), runs `work`, and always closes it. */
export async function withDatabase<T>(work: (database: CliDatabase) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
