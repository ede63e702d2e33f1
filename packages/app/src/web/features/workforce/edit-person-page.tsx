import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { PersonForm } from './person-form.tsx';
import { personValuesOf, updatePersonBody } from './person-form-values.ts';

/** Coordinators edit a person's profile; role and status change on the person's page. */
export function EditPersonPage() {
  const can = useCan();
  if (!can('workforce:manage')) return <NotPermitted title="Edit profile" />;
  return <EditPerson />;
}

function EditPerson() {
  const { memberId } = useParams({ strict: false }) as { memberId: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const person = useQuery({
    queryKey: ['workforce', 'person', memberId],
    queryFn: () => api.get<WorkforceDetail>(`/api/workforce/${memberId}`),
  });
  if (person.isPending) return <PageLoader label="Loading the person" />;
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const backToPerson = () => navigate({ to: '/workforce/$memberId', params: { memberId } });
  return (
    <>
      <PageHeading title={`Edit ${p.displayName}’s profile`} />
      <Text mb="md">
        Role and status change on{' '}
        <RouterAnchor to="/workforce/$memberId" params={{ memberId }}>
          their page
        </RouterAnchor>
        .
      </Text>
      <PersonForm
        initialValues={personValuesOf(p)}
        person={p}
        submitLabel="Save profile"
        save={async (values) => {
          const body = updatePersonBody(values, p);
          return body ? api.patch<WorkforceDetail>(`/api/workforce/${memberId}`, body) : null;
        }}
        onSaved={async (saved) => {
          await queryClient.invalidateQueries({ queryKey: ['workforce'] });
          notifications.show({
            color: 'green',
            message: saved ? `${p.displayName}’s profile is saved.` : 'Nothing had changed.',
          });
          await backToPerson();
        }}
      />
    </>
  );
}
