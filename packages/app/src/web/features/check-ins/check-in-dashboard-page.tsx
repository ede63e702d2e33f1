import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CheckInAlert, CheckInDashboard } from '../../../contract/check-ins.ts';
import { MySiteChoice } from '../../components/my-site-choice.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { alertKindText, alertReasonText, when } from './check-in-format.ts';
import { CheckInSettingsForm } from './check-in-settings-form.tsx';

export function CheckInDashboardPage() {
  const can = useCan();
  if (!can('check_ins:monitor')) return <NotPermitted title="Check-ins" />;
  return <Dashboard />;
}

function Dashboard() {
  const me = useMe();
  const [siteId, setSiteId] = useState(me.sites[0]?.id ?? '');
  const dashboard = useQuery({
    queryKey: ['check-ins', 'dashboard', siteId],
    queryFn: () => api.get<CheckInDashboard>(`/api/sites/${siteId}/check-ins/dashboard`),
    enabled: siteId !== '',
    refetchInterval: 60_000,
  });
  return (
    <>
      <PageHeading title="Check-ins" />
      <MySiteChoice id="check-ins-site" me={me} siteId={siteId} onChange={setSiteId} />
      {siteId && dashboard.isPending && <PageLoader label="Loading check-ins" />}
      {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.isSuccess && <DashboardView data={dashboard.data} />}
    </>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="sm" c="gray.7">
          {note}
        </Text>
      )}
    </Paper>
  );
}

const minutes = (value: number | null) =>
  value === null ? 'None yet' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`;

function DashboardView({ data }: { data: CheckInDashboard }) {
  return (
    <Stack gap="xl">
      <Text>
        Monitored hours: <strong>{data.monitoredHoursText}</strong>. Response target for a red:{' '}
        {data.settings.responseTargetMinutes} minutes. {data.enrolled.toLocaleString('en-GB')} people are
        checking in.
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label="Reds today" value={data.todaysReds.length.toLocaleString('en-GB')} />
        <Figure
          label="Overdue follow-ups"
          value={data.overdueFollowUps.length.toLocaleString('en-GB')}
          note="Reds past their response target"
        />
        <Figure
          label="Response time (reds, 14 days)"
          value={minutes(data.responseMinutes.median)}
          note={`Median of ${data.responseMinutes.count}; 90th percentile ${minutes(data.responseMinutes.p90)}`}
        />
        <Figure
          label="Reply rate (14 days)"
          value={
            data.replyRate.rate === null ? 'None sent' : `${data.replyRate.rate.toLocaleString('en-GB')}%`
          }
          note={`${data.replyRate.answered.toLocaleString('en-GB')} of ${data.replyRate.sent.toLocaleString('en-GB')} check-ins answered`}
        />
      </SimpleGrid>
      <AlertTable
        id="overdue"
        title="Overdue follow-ups"
        alerts={data.overdueFollowUps}
        empty="Nothing overdue."
      />
      <AlertTable id="reds" title="Today’s reds" alerts={data.todaysReds} empty="No reds today." />
      <AlertTable
        id="others"
        title="Ambers and missed replies waiting for a worker"
        alerts={data.openAmberAndNoReply}
        empty="None waiting."
      />
      <section aria-labelledby="settings-heading">
        <Title order={2} size="h3" mb="sm" id="settings-heading">
          Settings for {data.site.name}
        </Title>
        <CheckInSettingsForm key={data.site.id} siteId={data.site.id} settings={data.settings} />
      </section>
    </Stack>
  );
}

function AlertTable({
  id,
  title,
  alerts,
  empty,
}: {
  id: string;
  title: string;
  alerts: CheckInAlert[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Title order={2} size="h3" mb="sm" id={`${id}-heading`}>
        {title}
      </Title>
      {alerts.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">Alert</Table.Th>
                <Table.Th scope="col">Raised</Table.Th>
                <Table.Th scope="col">Respond by</Table.Th>
                <Table.Th scope="col">Followed up</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.map((alert) => (
                <Table.Tr key={alert.id}>
                  <Table.Td>
                    <RouterAnchor to="/cases/$caseId" params={{ caseId: alert.caseId }} hash="check-ins">
                      {alert.localCaseId}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>
                    {alertKindText[alert.kind]}
                    {alertReasonText(alert.reason) && ` (${alertReasonText(alert.reason)})`}
                  </Table.Td>
                  <Table.Td>{when(alert.raisedAt)}</Table.Td>
                  <Table.Td>{when(alert.dueBy)}</Table.Td>
                  <Table.Td>
                    {alert.followedUpAt
                      ? `${when(alert.followedUpAt)}${alert.followedUpBy ? ` by ${alert.followedUpBy.name}` : ''}`
                      : 'Not yet'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
