import { Paper, Text } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from './case-link.tsx';
import { CaseLoadProblem, useCaseForPage } from './case-page.tsx';
import { LogContactForm } from './contact-form.tsx';

/** The contact form on its own (a bookmark for the phone); saving goes back to the case. */
export function ContactPage() {
  const can = useCan();
  const { caseId = '' } = useParams({ strict: false });
  if (!can('contacts:write')) return <NotPermitted title="Log a contact" />;
  return <LogContact caseId={caseId} />;
}

function LogContact({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const item = useCaseForPage(caseId);
  if (item.isPending) return <PageLoader label="Loading the case" />;
  if (item.isError) return <CaseLoadProblem error={item.error} onRetry={() => void item.refetch()} />;
  return (
    <>
      <RouterAnchor to="/cases/$caseId" params={{ caseId }} display="inline-block" mb="sm">
        Back to case {item.data.localCaseId}
      </RouterAnchor>
      <PageHeading title="Log a contact" documentTitle={`Log a contact – case ${item.data.localCaseId}`} />
      <Text mb="md">Case {item.data.localCaseId}</Text>
      <Paper withBorder p="md" maw={560}>
        <LogContactForm
          item={item.data}
          onSaved={() => navigate({ to: '/cases/$caseId', params: { caseId }, hash: 'contacts' })}
        />
      </Paper>
    </>
  );
}
