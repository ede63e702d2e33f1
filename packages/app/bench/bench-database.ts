import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/database.ts';

/**
 * A migrated database for one benchmark run: embedded PGlite in memory by default, or a fresh
 * database created on the PostgreSQL server at PEERPATH_BENCH_DATABASE_URL. `close` closes it and,
 * on the server, drops it.
 */
export async function openBenchDatabase(
  prefix: string,
): Promise<{ database: Database; label: string; close: () => Promise<void> }> {
  const serverUrl = process.env.PEERPATH_BENCH_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await database.migrate();
    return { database, label: 'PGlite (in memory)', close: () => database.close() };
  }
  const name = `peerpath_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await database.migrate();
  return {
    database,
    label: 'PostgreSQL',
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
