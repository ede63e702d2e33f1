import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { CaseDetail } from '../../../contract/cases.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { CaseForm, createCaseBodyOf, emptyCaseFormValues } from './case-form.tsx';
import { caseChanged } from './cases-query.ts';

export function NewCasePage() {
  const can = useCan();
  if (!can('cases:write')) return <NotPermitted title="New referral" />;
  return <NewCase />;
}

function NewCase() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // New cases go to one of the sites this person works at.
  const sites = me.sites;
  return (
    <>
      <PageHeading title="New referral" />
      <CaseForm
        initialValues={emptyCaseFormValues(sites.length === 1 && sites[0] ? sites[0].id : '')}
        sites={sites}
        submitLabel="Add referral"
        save={(values) => api.post<CaseDetail>('/api/cases', createCaseBodyOf(values))}
        onSaved={async (saved) => {
          await caseChanged(queryClient, saved);
          notifications.show({ color: 'green', message: `Referral ${saved.localCaseId} has been added.` });
          await navigate({ to: '/cases/$caseId', params: { caseId: saved.id } });
        }}
        onCancel={() => void navigate({ to: '/cases' })}
      />
    </>
  );
}
