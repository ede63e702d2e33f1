import type { SQL } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { rowsOf } from '../../src/server/db/rows.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { testAuthSecret } from './test-app.ts';
import { createTestDatabase } from './test-database.ts';

/**
 * A fresh database seeded with the demo organisation for the enclosing suite, and a raw SQL reader
 * over it. Call inside `describe`.
 */
export function useDemoDatabase() {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { authSecret: testAuthSecret });
  });
  afterAll(() => database?.close());
  const current = (): Database => {
    if (!database) throw new Error('the demo database is made in beforeAll; read it inside a test');
    return database;
  };
  const query = async <T>(text: SQL) => rowsOf<T>(await current().db.execute(text));
  return { database: current, query };
}
