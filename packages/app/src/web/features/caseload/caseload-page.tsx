import { Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseloadBoard } from '../../../contract/caseload.ts';
import { MySiteChoice } from '../../components/my-site-choice.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan, useMe } from '../auth/me-query.ts';
import { complexityLabels, formatIsoDate, plural } from '../cases/case-format.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { caseloadQueryOptions } from './caseload-query.ts';
import { CaseloadSettingsForm } from './caseload-settings-form.tsx';
import { CaseloadWorkerCards, CaseloadWorkersTable } from './caseload-workers.tsx';
import { ReassignForm } from './reassign-form.tsx';

export function CaseloadPage() {
  const can = useCan();
  if (!can('cases:allocate')) return <NotPermitted title="Caseload board" />;
  return <Caseload />;
}

function Caseload() {
  const me = useMe();
  const [siteId, setSiteId] = useState(me.sites[0]?.id ?? '');
  const board = useQuery({ ...caseloadQueryOptions(siteId), enabled: siteId !== '' });

  return (
    <>
      <PageHeading title="Caseload board" />
      <MySiteChoice id="caseload-site" me={me} siteId={siteId} onChange={setSiteId} />
      {siteId && board.isPending && <PageLoader label="Loading the caseload board" />}
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      {board.isSuccess && <Board key={board.data.site.id} board={board.data} />}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function Board({ board }: { board: CaseloadBoard }) {
  const isWide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const Workers = isWide ? CaseloadWorkersTable : CaseloadWorkerCards;
  const { site } = board;

  return (
    <Stack gap="xl">
      <Section id="caseload-workers" title={`Workers at ${site.name}`}>
        <Text mb="sm">
          Levels count the cases each person leads: getting busy from {site.caseloadWarning}, over target
          above {site.caseloadTarget}, alert at {site.caseloadAlert}.
        </Text>
        {board.workers.length === 0 ? (
          <Text>Nobody at this site takes cases yet.</Text>
        ) : (
          <Workers workers={board.workers} />
        )}
      </Section>

      <Section id="caseload-waiting" title="Waiting for allocation">
        {board.waitingList.length > 1 && (
          <Text mb="sm">
            <RouterAnchor to="/matching" fw={600}>
              Match all {board.waitingList.length.toLocaleString('en-GB')} waiting cases at once
            </RouterAnchor>
          </Text>
        )}
        {board.waitingList.length === 0 ? (
          <Text>Every open case has a lead worker.</Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="caseload-waiting"
          >
            {[...board.waitingList]
              .sort((a, b) => b.daysWaiting - a.daysWaiting)
              .map((item) => (
                <Paper component="li" key={item.caseId} withBorder p="sm">
                  <Text fw={700}>Case {item.localCaseId}</Text>
                  <Text>
                    Waiting {plural(item.daysWaiting, 'day', 'days')} (referred{' '}
                    {formatIsoDate(item.referredOn)})
                    {item.complexity && `, ${complexityLabels[item.complexity].toLowerCase()} complexity`}
                  </Text>
                  <RouterAnchor
                    to="/cases/$caseId"
                    params={{ caseId: item.caseId }}
                    hash="allocation"
                    fw={600}
                  >
                    Allocate<VisuallyHidden> case {item.localCaseId}</VisuallyHidden>
                  </RouterAnchor>
                </Paper>
              ))}
          </Stack>
        )}
      </Section>

      <Section
        id="caseload-no-contact"
        title={`No contact for ${plural(site.noContactFlagDays, 'day', 'days')}`}
      >
        {board.noRecentContact.length === 0 ? (
          <Text>
            Every open case has had contact in the last {plural(site.noContactFlagDays, 'day', 'days')}.
          </Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="caseload-no-contact"
          >
            {[...board.noRecentContact]
              .sort((a, b) => b.daysWithoutContact - a.daysWithoutContact)
              .map((item) => (
                <Paper component="li" key={item.caseId} withBorder p="sm">
                  <RouterAnchor to="/cases/$caseId" params={{ caseId: item.caseId }} fw={700}>
                    Case {item.localCaseId}
                  </RouterAnchor>
                  <Text>
                    {item.lastContactOn
                      ? `${plural(item.daysWithoutContact, 'day', 'days')} since the last contact on ${formatIsoDate(item.lastContactOn)}`
                      : `No contact yet, ${plural(item.daysWithoutContact, 'day', 'days')} since referral`}
                  </Text>
                  <Text size="sm" c="gray.7">
                    Lead: {item.leadName ?? 'not allocated'}
                  </Text>
                </Paper>
              ))}
          </Stack>
        )}
      </Section>

      <Section id="caseload-reassign" title="Reassign a whole caseload">
        <Text mb="sm">
          When someone leaves or is away for a long time, move all their open cases to one person. You can
          move single cases from the case page.
        </Text>
        {board.workers.length < 2 ? (
          <Text>There need to be at least two workers at the site.</Text>
        ) : (
          <ReassignForm board={board} />
        )}
      </Section>

      <Section id="caseload-settings" title="Caseload settings">
        <CaseloadSettingsForm siteId={site.id} settings={site} />
      </Section>
    </Stack>
  );
}
