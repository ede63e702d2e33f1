import { NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { indicatorOptionsResponse } from '../../../contract/outcomes.ts';
import { api } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';

type IndicatorOptions = z.infer<typeof indicatorOptionsResponse>;

/**
 * Outcomes (issue 5): picks the survey indicator an outcome follows — people improved × engaged
 * cases, with the surveys' own service contribution and deadweight — as "instrumentId|key|design".
 */
export function SurveyIndicatorSelect({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value?: string;
  onChange?: (value: string) => void;
  error?: React.ReactNode;
}) {
  const canRead = useCan()('outcomes:read');
  const options = useQuery({
    queryKey: ['outcomes', 'indicators'],
    queryFn: () => api.get<IndicatorOptions>('/api/outcomes/indicators'),
    enabled: canRead,
  });
  if (!canRead) return <Text size="sm">Your role cannot read survey outcomes.</Text>;
  const data = [
    { value: '', label: 'Choose a survey indicator' },
    ...(options.data?.items ?? []).flatMap((instrument) =>
      instrument.indicators.flatMap((indicator) =>
        (['retrospective', 'waves'] as const).map((design) => ({
          value: `${instrument.instrumentId}|${indicator.key}|${design}`,
          label: `${instrument.instrumentName}: ${indicator.outcomeArea || indicator.key} (${
            design === 'waves' ? 'baseline to follow-up' : 'before and now'
          })`,
        })),
      ),
    ),
  ];
  return (
    <NativeSelect
      id={id}
      label="Survey indicator"
      description="Quantity = share improved × engaged cases; attribution and deadweight from the same answers"
      data={data}
      value={value ?? ''}
      onChange={(event) => onChange?.(event.currentTarget.value)}
      error={error}
    />
  );
}
