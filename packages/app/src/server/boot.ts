import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';

/** Opens the configured database (PGlite in the data folder, or a server) and brings its schema up to date. */
export async function openConfiguredDatabase(
  config: Config,
  onPoolError?: (error: Error) => void,
): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    ...(onPoolError ? { onPoolError } : {}),
  });
  await database.migrate();
  return database;
}
