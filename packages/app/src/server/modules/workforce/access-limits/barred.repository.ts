import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/database.ts';
import { rowsOf } from '../../../db/rows.ts';

/** Which of these users an active access limit bars from this case. */
export async function barredUserIds(
  db: Db,
  caseId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = rowsOf<{ user_id: string }>(
    await db.execute(sql`select user_id from access_limits
      where case_id = ${caseId} and lifted_at is null and user_id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  );
  return new Set(rows.map((r) => r.user_id));
}
