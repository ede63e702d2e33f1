import { NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useCan, useMe } from '../auth/me-query.ts';

type Outbox = { items: { id: string; to: string; body: string; purpose: string; createdAt: string }[] };

const purposeText: Record<string, string> = {
  check_in: 'Check-in',
  reminder: 'Reminder',
  opted_out: 'Opt-out confirmation',
  reply_green: 'Reply to a green',
  reply_amber: 'Reply to an amber',
  reply_red: 'Reply to a red',
};

/**
 * The texts Peerpath has sent through its built-in gateway, which writes them here rather than to a
 * phone network. Link tokens are hidden: a token would let its reader answer as the person.
 */
export function SmsOutboxPage() {
  const can = useCan();
  const me = useMe();
  const [siteId, setSiteId] = useState(me.sites[0]?.id ?? '');
  const outbox = useQuery({
    queryKey: ['sms-outbox', siteId],
    queryFn: () => api.get<Outbox>('/api/sms-outbox', { siteId }),
    enabled: siteId !== '' && can('sms_outbox:read'),
  });
  if (!can('sms_outbox:read')) return <NotPermitted title="Text messages" />;
  return (
    <>
      <PageHeading title="Text messages" />
      <Text mb="md">The newest 200 texts sent to people checking in, newest first.</Text>
      {me.sites.length > 1 && (
        <NativeSelect
          id="outbox-site"
          label="Site"
          value={siteId}
          onChange={(event) => setSiteId(event.currentTarget.value)}
          data={me.sites.map((site) => ({ value: site.id, label: site.name }))}
          maw={320}
          mb="lg"
        />
      )}
      {siteId && outbox.isPending && <PageLoader label="Loading texts" />}
      {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && outbox.data.items.length === 0 && <Text>No texts yet.</Text>}
      {outbox.isSuccess && outbox.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Sent</Table.Th>
                <Table.Th scope="col">To</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Text</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.items.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(message.createdAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{message.to}</Table.Td>
                  <Table.Td>{purposeText[message.purpose] ?? message.purpose}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{message.body}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
