import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { dischargeReasonLabels, needLabels, referralSourceLabels } from '../../../contract/case-codes.ts';
import type { CaseDetail } from '../../../contract/cases.ts';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';
// Daily check-ins (issue 5)
import { CheckInsSection } from '../check-ins/check-ins-section.tsx';
import { FindAPeerPanel } from '../matching/find-a-peer-panel.tsx';
// Outcomes (issue 5)
import { CaseSurveysSection } from '../outcomes/case-surveys-section.tsx';
import { RaiseConcernForm } from '../safeguarding/raise-concern-form.tsx';
import { AllocationForm } from './allocation-form.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseBadges } from './case-badges.tsx';
import {
  complexityLabels,
  formatIsoDate,
  genderLabels,
  genderPreferenceLabels,
  openStatuses,
} from './case-format.ts';
import { RouterAnchor, RouterButton } from './case-link.tsx';
import { caseQueryOptions } from './cases-query.ts';
import { LogContactForm } from './contact-form.tsx';
import { ContactsList } from './contacts-list.tsx';
import { FundSection } from './fund-section.tsx';

export function CasePage() {
  const can = useCan();
  const { caseId = '' } = useParams({ strict: false });
  if (!can('cases:read')) return <NotPermitted title="Case" />;
  return <CaseView caseId={caseId} />;
}

/** Loads a case for a page; not found and other failures get the page's own heading. */
export function useCaseForPage(caseId: string) {
  return useQuery(caseQueryOptions(caseId));
}

export function CaseLoadProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  // A case outside someone's scope answers 404 as well: say only that it is not there.
  if (isApiError(error, 'not_found') || isApiError(error, 'validation_failed')) return <NotFoundPage />;
  return (
    <>
      <PageHeading title="Case" />
      <QueryError error={error} onRetry={onRetry} />
    </>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {term}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id}>
      <Title order={2} size="h3" mb="sm" id={`${id}-heading`} tabIndex={-1}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function CaseView({ caseId }: { caseId: string }) {
  const item = useCaseForPage(caseId);
  if (item.isPending) return <PageLoader label="Loading the case" />;
  if (item.isError) return <CaseLoadProblem error={item.error} onRetry={() => void item.refetch()} />;
  return <CaseDetails item={item.data} />;
}

function CaseDetails({ item }: { item: CaseDetail }) {
  const me = useMe();
  const can = useCan();
  const hash = useRouterState({ select: (state) => state.location.hash });
  const lead = item.workers.find((worker) => worker.role === 'lead');
  const coWorkers = item.workers.filter((worker) => worker.role === 'co_worker');
  const isOpen = openStatuses.includes(item.status);
  const site = me.sites.find((candidate) => candidate.id === item.siteId);
  const canUseFund = can('fund:apply') || can('fund:decide');

  // Arriving from "Allocate" on the caseload board: go straight to the allocation form.
  useEffect(() => {
    if (!hash) return;
    const heading = document.getElementById(`${hash}-heading`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }, [hash]);

  return (
    <Stack gap="xl">
      <div>
        <RouterAnchor to="/cases" display="inline-block" mb="sm">
          All cases
        </RouterAnchor>
        <PageHeading title={`Case ${item.localCaseId}`} />
        {item.personName && (
          <Text size="lg" fw={600} mt={-8} mb="sm">
            {item.personName}
          </Text>
        )}
        <CaseBadges item={item} />
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="sm" mt="md" mb={0}>
          <Fact term="Referred">{formatIsoDate(item.referredOn)}</Fact>
          <Fact term="First contact">{formatIsoDate(item.firstContactOn, 'None yet')}</Fact>
          <Fact term="Last contact">{formatIsoDate(item.lastContactOn, 'None yet')}</Fact>
          <Fact term="Lead worker">{lead?.name ?? 'Not allocated'}</Fact>
          <Fact term="Co-workers">
            {coWorkers.length === 0 ? 'None' : coWorkers.map((worker) => worker.name).join(', ')}
          </Fact>
          {me.sites.length > 1 && <Fact term="Site">{site?.name ?? 'Another site'}</Fact>}
          {item.dischargedOn && (
            <Fact term="Discharged">
              {formatIsoDate(item.dischargedOn)}
              {item.dischargeReason && `: ${dischargeReasonLabels[item.dischargeReason].toLowerCase()}`}
              {item.isClosedAutomatically && ' (closed automatically after step-down)'}
            </Fact>
          )}
        </SimpleGrid>
      </div>

      {can('contacts:write') && (
        <Section id="log-contact" title="Log a contact">
          {isOpen ? (
            <Paper withBorder p="md">
              <LogContactForm item={item} />
            </Paper>
          ) : (
            <Text>
              This case is closed.{' '}
              <RouterAnchor to="/cases/$caseId/contact" params={{ caseId: item.id }}>
                Log a contact from before it closed
              </RouterAnchor>
            </Text>
          )}
        </Section>
      )}

      <Section id="contacts" title="Contacts">
        <ContactsList caseId={item.id} headingId="contacts-heading" />
      </Section>

      {item.availableActions.some((action) => action !== 'allocate') && (
        <Section id="status" title="Change the status">
          <CaseActions item={item} />
        </Section>
      )}

      {can('cases:allocate') && (
        <Section id="allocation" title="Allocation">
          {item.availableActions.includes('allocate') ? (
            <Stack gap="xl">
              {/* Matching (issue 6): the shortlist with reasons, then the manual form. */}
              <FindAPeerPanel item={item} />
              <AllocationForm item={item} />
            </Stack>
          ) : (
            <Text>This case is closed. Reopen it before allocating a worker.</Text>
          )}
        </Section>
      )}

      {/* Safeguarding (issue 6) */}
      {can('safeguarding:raise') && isOpen && (
        <Section id="safeguarding" title="Safeguarding">
          <RaiseConcernForm caseId={item.id} />
        </Section>
      )}

      {can('check_ins:manage') && (
        <Section id="check-ins" title="Daily check-ins">
          <CheckInsSection caseId={item.id} isOpen={isOpen} />
        </Section>
      )}

      {/* Outcomes (issue 5) */}
      {can('surveys:administer') && (
        <Section id="surveys" title="Surveys">
          <CaseSurveysSection caseId={item.id} />
        </Section>
      )}

      {canUseFund && (
        <Section id="fund" title="Personalisation Fund">
          <FundSection item={item} />
        </Section>
      )}

      <Section id="details" title="Referral details">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
          <Fact term="Referral source">
            {item.referralSource === 'other' && item.referralSourceOther
              ? `Other: ${item.referralSourceOther}`
              : referralSourceLabels[item.referralSource]}
          </Fact>
          <Fact term="Date of birth">{formatIsoDate(item.dateOfBirth, 'Not recorded')}</Fact>
          <Fact term="Gender">{item.gender ? genderLabels[item.gender] : 'Not recorded'}</Fact>
          <Fact term="Phone">{item.phone ?? 'Not recorded'}</Fact>
          <Fact term="Needs">
            {item.needs.length === 0
              ? 'None recorded'
              : item.needs.map((need) => needLabels[need]).join(', ')}
          </Fact>
          <Fact term="Complexity">
            {item.complexity ? complexityLabels[item.complexity] : 'Not assessed'}
          </Fact>
          <Fact term="Consent">
            {item.consent
              ? `${item.consent.scope} (recorded ${formatIsoDate(item.consent.recordedOn)}${
                  item.consent.recordedBy ? ` by ${item.consent.recordedBy.name}` : ''
                })`
              : 'Not recorded'}
          </Fact>
          <Fact term="Preferred gender of worker">
            {item.genderPreference ? genderPreferenceLabels[item.genderPreference] : 'Not asked'}
          </Fact>
        </SimpleGrid>
        {can('cases:write') && (
          <RouterButton to="/cases/$caseId/edit" params={{ caseId: item.id }} variant="outline" mt="md">
            Edit details
          </RouterButton>
        )}
      </Section>
    </Stack>
  );
}
