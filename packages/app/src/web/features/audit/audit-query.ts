import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditEvent } from '../../../contract/audit.ts';
import { api } from '../../lib/api-client.ts';

/** One of the two questions: by record, or by person and time. */
export type AuditSearch =
  | { kind: 'record'; recordId: string }
  | { kind: 'user'; actorUserId: string; from?: string | undefined; to?: string | undefined };

export const auditPageSize = 50;

export const auditEventsQueryOptions = (search: AuditSearch, page: number) =>
  queryOptions({
    queryKey: ['audit', search, page],
    queryFn: () =>
      api.get<{ items: AuditEvent[]; total: number }>('/api/audit/events', {
        ...(search.kind === 'record'
          ? { recordId: search.recordId }
          : { actorUserId: search.actorUserId, from: search.from, to: search.to }),
        limit: auditPageSize,
        offset: (page - 1) * auditPageSize,
      }),
    placeholderData: keepPreviousData,
  });
