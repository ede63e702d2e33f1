import { Pagination, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../auth/me-query.ts';
import { allUsersQueryOptions } from '../users/users-query.ts';
import { type AuditSearch, auditEventsQueryOptions, auditPageSize } from './audit-query.ts';
import { AuditResults } from './audit-results.tsx';
import { RecordAccessForm } from './record-access-form.tsx';
import { UserActivityForm } from './user-activity-form.tsx';

type Question = 'record' | 'user';

export function AuditPage() {
  const can = useCan();
  if (!can('audit:read')) return <NotPermitted title="Audit" />;
  return <AuditQuestions canReadUsers={can('users:read')} />;
}

function AuditQuestions({ canReadUsers }: { canReadUsers: boolean }) {
  const [question, setQuestion] = useState<Question>('record');
  const [searches, setSearches] = useState<Record<Question, AuditSearch | null>>({
    record: null,
    user: null,
  });
  const [page, setPage] = useState(1);
  const users = useQuery({ ...allUsersQueryOptions, enabled: canReadUsers });
  const userNames = new Map((users.data?.items ?? []).map((user) => [user.id, user.name]));

  const search = searches[question];
  const onSearch = (next: AuditSearch) => {
    setPage(1);
    setSearches((current) => ({ ...current, [next.kind]: next }));
  };

  return (
    <>
      <PageHeading title="Audit" />
      <Text mb="md">
        Every time someone looks at or changes a record, Peerpath writes it down. Ask one of two questions.
      </Text>
      <Tabs value={question} onChange={(value) => value && setQuestion(value as Question)} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="record">Who accessed this record?</Tabs.Tab>
          <Tabs.Tab value="user">What did this user touch?</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="record">
          <RecordAccessForm onSearch={onSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="user">
          {users.isPending && canReadUsers ? (
            <PageLoader label="Loading users" />
          ) : (
            <UserActivityForm users={users.data?.items ?? []} onSearch={onSearch} />
          )}
        </Tabs.Panel>
      </Tabs>
      {search && <AuditSearchResults search={search} page={page} onPage={setPage} userNames={userNames} />}
    </>
  );
}

function AuditSearchResults({
  search,
  page,
  onPage,
  userNames,
}: {
  search: AuditSearch;
  page: number;
  onPage: (page: number) => void;
  userNames: Map<string, string>;
}) {
  const events = useQuery(auditEventsQueryOptions(search, page));
  const total = events.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / auditPageSize));

  return (
    <section aria-labelledby="audit-results-heading">
      <Title order={2} size="h3" id="audit-results-heading" mt="xl" mb="xs">
        Results
      </Title>
      <Text role="status" mb="sm" fw={500}>
        {events.isSuccess && (total === 1 ? '1 event found' : `${total} events found`)}
      </Text>
      {events.isPending && <PageLoader label="Searching the audit log" />}
      {events.isError && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
      {events.isSuccess && events.data.items.length > 0 && (
        <AuditResults events={events.data.items} userNames={userNames} />
      )}
      {pageCount > 1 && <Pagination mt="md" total={pageCount} value={page} onChange={onPage} />}
    </section>
  );
}
