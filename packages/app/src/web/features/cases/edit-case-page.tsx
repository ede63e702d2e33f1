import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { CaseDetail } from '../../../contract/cases.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan } from '../auth/me-query.ts';
import { CaseForm, caseFormValuesOf, updateCaseBodyOf } from './case-form.tsx';
import { RouterAnchor } from './case-link.tsx';
import { caseChanged, caseQueryOptions } from './cases-query.ts';

export function EditCasePage() {
  const can = useCan();
  const { caseId = '' } = useParams({ strict: false });
  if (!can('cases:write')) return <NotPermitted title="Edit case details" />;
  return <EditCase caseId={caseId} />;
}

function EditCase({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const item = useQuery(caseQueryOptions(caseId));
  const backToCase = () => navigate({ to: '/cases/$caseId', params: { caseId } });

  if (item.isPending) return <PageLoader label="Loading the case" />;
  if (item.isError)
    return (
      <>
        <PageHeading title="Edit case details" />
        <QueryError error={item.error} onRetry={() => void item.refetch()} />
      </>
    );
  return (
    <>
      <RouterAnchor to="/cases/$caseId" params={{ caseId }} display="inline-block" mb="sm">
        Back to case {item.data.localCaseId}
      </RouterAnchor>
      <PageHeading title={`Edit case ${item.data.localCaseId}`} />
      <CaseForm
        initialValues={caseFormValuesOf(item.data)}
        submitLabel="Save changes"
        save={(values) => api.patch<CaseDetail>(`/api/cases/${caseId}`, updateCaseBodyOf(values))}
        onSaved={async (saved) => {
          await caseChanged(queryClient, saved);
          notifications.show({
            color: 'green',
            message: `Changes to case ${saved.localCaseId} have been saved.`,
          });
          await backToCase();
        }}
        onCancel={() => void backToCase()}
      />
    </>
  );
}
