import { z } from 'zod';
import { complexity, isoDate } from './case-codes.ts';
import { uuid } from './common.ts';
import { role } from './roles.ts';

export const caseloadLevel = z.enum(['ok', 'warning', 'over_target', 'alert']);
export type CaseloadLevel = z.infer<typeof caseloadLevel>;

export const caseloadSettings = z.object({
  caseloadTarget: z.number().int(),
  caseloadWarning: z.number().int(),
  caseloadAlert: z.number().int(),
  stepDownCloseAfterMonths: z.number().int(),
  noContactFlagDays: z.number().int(),
});

export const caseloadBoard = z.object({
  site: z.object({ id: uuid, name: z.string() }).extend(caseloadSettings.shape),
  workers: z.array(
    z.object({
      userId: uuid,
      name: z.string(),
      role,
      leadCases: z.number().int(),
      coWorkerCases: z.number().int(),
      level: caseloadLevel,
    }),
  ),
  waitingList: z.array(
    z.object({
      caseId: uuid,
      localCaseId: z.string(),
      referredOn: isoDate,
      complexity: complexity.nullable(),
      daysWaiting: z.number().int(),
    }),
  ),
  noRecentContact: z.array(
    z.object({
      caseId: uuid,
      localCaseId: z.string(),
      leadName: z.string().nullable(),
      lastContactOn: isoDate.nullable(),
      daysWithoutContact: z.number().int(),
    }),
  ),
});
export type CaseloadBoard = z.infer<typeof caseloadBoard>;
export const caseloadQuery = z.strictObject({ siteId: uuid });

export const reassignCaseloadBody = z.strictObject({ siteId: uuid, fromUserId: uuid, toUserId: uuid });
export const reassignCaseloadResponse = z.object({ moved: z.number().int() });

const count = (min: number, max: number) => z.number().int().min(min).max(max);
export const updateCaseloadSettingsBody = z
  .strictObject({
    caseloadTarget: count(1, 100),
    caseloadWarning: count(1, 100),
    caseloadAlert: count(1, 200),
    stepDownCloseAfterMonths: count(1, 24),
    noContactFlagDays: count(1, 365),
  })
  .refine((s) => s.caseloadWarning <= s.caseloadTarget && s.caseloadTarget <= s.caseloadAlert, {
    path: ['caseloadTarget'],
    message: 'Set the warning at or below the usual caseload, and the usual caseload at or below the alert',
  });
