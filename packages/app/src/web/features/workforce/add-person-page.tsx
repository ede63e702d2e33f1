import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { todayIsoDate } from '../cases/case-format.ts';
import { PersonForm } from './person-form.tsx';
import { createPersonBody, newPersonValues } from './person-form-values.ts';

/** Coordinators add a volunteer, peer supporter or member of staff to the workforce. */
export function AddPersonPage() {
  const can = useCan();
  if (!can('workforce:manage')) return <NotPermitted title="Add a person" />;
  return <AddPerson />;
}

function AddPerson() {
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const homeSite = me.sites.length === 1 && me.sites[0] ? me.sites[0].id : '';
  return (
    <>
      <PageHeading title="Add a person to the workforce" />
      <PersonForm
        initialValues={newPersonValues(homeSite, todayIsoDate())}
        submitLabel="Add person"
        save={(values) =>
          api.post<WorkforceDetail>(
            '/api/workforce',
            createPersonBody(values, { canRecordLivedExperience: can('workforce:lived_experience') }),
          )
        }
        onSaved={async (saved) => {
          const person = saved as WorkforceDetail;
          await queryClient.invalidateQueries({ queryKey: ['workforce'] });
          notifications.show({ color: 'green', message: `${person.displayName} has been added.` });
          await navigate({ to: '/workforce/$memberId', params: { memberId: person.id } });
        }}
      />
    </>
  );
}
