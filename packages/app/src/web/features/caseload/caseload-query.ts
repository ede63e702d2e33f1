import { queryOptions } from '@tanstack/react-query';
import type { CaseloadBoard, CaseloadLevel } from '../../../contract/caseload.ts';
import { api } from '../../lib/api-client.ts';

export const caseloadQueryOptions = (siteId: string) =>
  queryOptions({
    queryKey: ['caseload', siteId],
    queryFn: () => api.get<CaseloadBoard>('/api/caseload', { siteId }),
  });

export type CaseloadSettings = Pick<
  CaseloadBoard['site'],
  'caseloadTarget' | 'caseloadWarning' | 'caseloadAlert' | 'stepDownCloseAfterMonths' | 'noContactFlagDays'
>;

/** Words first: the colour only repeats them. */
export const levelLabels: Record<CaseloadLevel, string> = {
  ok: 'OK',
  warning: 'Getting busy',
  over_target: 'Over target',
  alert: 'Alert',
};
export const levelColours: Record<CaseloadLevel, string> = {
  ok: 'green',
  warning: 'yellow',
  over_target: 'orange',
  alert: 'red',
};
