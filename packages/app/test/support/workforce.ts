import type { WorkforceRole, WorkforceStatus } from '../../src/contract/workforce-codes.ts';
import type { Database } from '../../src/server/db/database.ts';
import { newId } from '../../src/server/db/ids.ts';
import {
  workforceMembers,
  workforceRoleHistory,
} from '../../src/server/modules/workforce/people/people.table.ts';
import { dbsChecks } from '../../src/server/modules/workforce/safety/safety.table.ts';
import type { SeededUser } from './test-app.ts';

/**
 * Gives seeded users workforce records (with an enhanced DBS check from `dbsOn`, default a year before
 * 2026-03-02) so they may be allocated cases under the workforce rules.
 */
export async function enrolWorkforce(
  database: Database,
  organisationId: string,
  entries: {
    user: SeededUser;
    role: WorkforceRole;
    status?: WorkforceStatus;
    dbsOn?: string | null;
    caseloadCap?: number;
  }[],
) {
  const memberIds: string[] = [];
  await database.db.transaction(async (tx) => {
    const now = new Date('2026-01-01T09:00:00Z');
    for (const e of entries) {
      const id = newId();
      memberIds.push(id);
      const siteId = e.user.siteIds[0] as string;
      await tx.insert(workforceMembers).values({
        id,
        organisationId,
        siteId,
        siteIds: e.user.siteIds,
        userId: e.user.id,
        displayName: `Test ${e.role}`,
        role: e.role,
        status: e.status ?? 'active',
        caseloadCap: e.caseloadCap ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(workforceRoleHistory).values({
        id: newId(),
        memberId: id,
        organisationId,
        siteId,
        role: e.role,
        startedOn: '2025-09-01',
        recordedAt: now,
      });
      if (e.dbsOn !== null)
        await tx.insert(dbsChecks).values({
          id: newId(),
          memberId: id,
          organisationId,
          siteId,
          level: 'enhanced',
          certificateOn: e.dbsOn ?? '2025-03-02',
          recordedAt: now,
        });
    }
  });
  return memberIds;
}
