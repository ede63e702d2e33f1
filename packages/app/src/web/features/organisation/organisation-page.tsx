import { useQuery } from '@tanstack/react-query';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../auth/me-query.ts';
import { OrganisationForm } from './organisation-form.tsx';
import { organisationQueryOptions } from './organisation-query.ts';

export function OrganisationPage() {
  const can = useCan();
  if (!can('organisation:manage')) return <NotPermitted title="Organisation settings" />;
  return <OrganisationSettings />;
}

function OrganisationSettings() {
  const organisation = useQuery(organisationQueryOptions);
  return (
    <>
      <PageHeading title="Organisation settings" />
      {organisation.isPending && <PageLoader label="Loading settings" />}
      {organisation.isError && (
        <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />
      )}
      {organisation.isSuccess && <OrganisationForm organisation={organisation.data} />}
    </>
  );
}
