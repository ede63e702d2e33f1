import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../auth/me-query.ts';
import { formatIsoDate } from '../cases/case-format.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { FunnelView } from './funnel-view.tsx';
import { cohortsQueryOptions } from './training-query.ts';

/**
 * The training funnel (issue 6 §3): registered → completed → placement → employment, with the drop-out
 * rate, over every cohort at the reader's sites and for each cohort.
 */
export function FunnelPage() {
  const can = useCan();
  const cohorts = useQuery({ ...cohortsQueryOptions(), enabled: can('workforce:read') });
  if (!can('workforce:read')) return <NotPermitted title="Training funnel" />;
  return (
    <Stack gap="lg">
      <PageHeading title="Training funnel" />
      <Text maw={640}>
        How many people who register go on to complete, begin a placement and move into employment. A
        placement or job counts only after completing the course.{' '}
        <RouterAnchor to="/training">Back to training</RouterAnchor>
      </Text>
      {cohorts.isPending ? (
        <PageLoader label="Loading the funnel" />
      ) : cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : (
        <>
          <FunnelView title="All cohorts" funnel={cohorts.data.overall} />
          {cohorts.data.items.map((c) => (
            <FunnelView
              key={c.id}
              title={`${c.courseTitle}: ${c.name} (from ${formatIsoDate(c.startsOn)})`}
              funnel={c.funnel}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
