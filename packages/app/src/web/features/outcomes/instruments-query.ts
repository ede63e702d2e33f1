import { queryOptions } from '@tanstack/react-query';
import type { InstrumentDetail } from '../../../contract/outcomes.ts';
import { api } from '../../lib/api-client.ts';

export const instrumentQueryOptions = (instrumentId: string) =>
  queryOptions({
    queryKey: ['outcomes', 'instrument', instrumentId],
    queryFn: () => api.get<InstrumentDetail>(`/api/outcomes/instruments/${instrumentId}`),
  });

/** The version an edit starts from: the newest, whether draft or published. */
export const latestVersionOf = (instrument: InstrumentDetail) => instrument.versions[0];
