import { Alert, Button, Checkbox, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { BatchProposal } from '../../../contract/matching.ts';
import { MySiteChoice } from '../../components/my-site-choice.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { plural } from '../cases/case-format.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { MatchWeightsSection } from './match-weights-form.tsx';
import {
  approvalBody,
  approvalRefusal,
  choiceRefusal,
  chosenCaseIds,
  formatScore,
  proposalStatus,
} from './matching-forms.ts';

/**
 * Batch matching (issue 6 §8): the site's unallocated referrals placed at once (the best total score
 * within every peer's free places), checked by the coordinator, then approved together; and the site's
 * soft-preference weights that rank peers.
 */
export function BatchMatchingPage() {
  const can = useCan();
  if (!can('cases:allocate')) return <NotPermitted title="Matching" />;
  return <BatchMatching />;
}

function BatchMatching() {
  const me = useMe();
  const [siteId, setSiteId] = useState(me.sites[0]?.id ?? '');
  return (
    <>
      <PageHeading title="Matching" />
      <MySiteChoice id="matching-site" me={me} siteId={siteId} onChange={setSiteId} />
      {siteId && (
        <Stack gap="xl" key={siteId}>
          <section aria-labelledby="batch-heading">
            <Title order={2} size="h3" mb="sm" id="batch-heading">
              Match waiting referrals
            </Title>
            <BatchProposalSection siteId={siteId} />
          </section>
          <section aria-labelledby="weights-heading">
            <Title order={2} size="h3" mb="sm" id="weights-heading">
              How peers are ranked
            </Title>
            <MatchWeightsSection siteId={siteId} />
          </section>
        </Stack>
      )}
    </>
  );
}

function BatchProposalSection({ siteId }: { siteId: string }) {
  const queryClient = useQueryClient();
  const [leftOut, setLeftOut] = useState<Set<string>>(new Set());
  const [isConfirming, setIsConfirming] = useState(false);
  const [refusal, setRefusal] = useState<{ caseIds: string[]; messages: string[] } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // Kept apart from the mutation so a refused re-proposal leaves the last proposal on screen.
  const [proposal, setProposal] = useState<BatchProposal>();
  const [status, setStatus] = useState('');
  const choiceRef = useRef<HTMLDivElement>(null);
  const propose = useMutation({
    // With case ids, only those referrals are proposed (the ticked ones); without, every waiting referral.
    mutationFn: (caseIds?: string[]) =>
      api.post<BatchProposal>(`/api/sites/${siteId}/matching/proposals`, caseIds ? { caseIds } : {}),
    onSuccess: (next, caseIds) => {
      setProposal(next);
      setLeftOut(new Set());
      setRefusal(null);
      setStatus(proposalStatus(next, caseIds?.length));
      requestAnimationFrame(() => resultRef.current?.focus());
    },
    onError: (_error, caseIds) => {
      setStatus('');
      if (caseIds) requestAnimationFrame(() => choiceRef.current?.focus());
    },
  });
  const chosen = proposal ? chosenCaseIds(proposal, leftOut) : [];
  const choiceErrors =
    propose.isError && propose.variables && proposal
      ? choiceRefusal(propose.error, propose.variables, proposal)
      : null;
  const body = proposal ? approvalBody(proposal, leftOut) : { placements: [] };
  const approve = useMutation({
    mutationFn: () => api.post<{ allocated: number }>(`/api/sites/${siteId}/matching/approvals`, body),
    onSuccess: async ({ allocated }) => {
      setIsConfirming(false);
      propose.reset();
      setProposal(undefined);
      setStatus('');
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['caseload', siteId] });
      notifications.show({
        color: 'green',
        message: `${plural(allocated, 'case', 'cases')} allocated.`,
      });
    },
    onError: (error) => {
      setIsConfirming(false);
      if (proposal) setRefusal(approvalRefusal(error, body, proposal));
    },
  });
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const toggle = (caseId: string, isIncluded: boolean) =>
    setLeftOut((current) => {
      const next = new Set(current);
      if (isIncluded) next.delete(caseId);
      else next.add(caseId);
      return next;
    });

  return (
    <Stack gap="md">
      <Text>
        Peerpath proposes a lead peer for every referral at this site that has none, placing as many as it can
        with the best fit overall and never over anyone’s free places. Nothing is allocated until you approve.
      </Text>
      <div>
        <Button
          onClick={() => propose.mutate(undefined)}
          loading={propose.isPending && !propose.variables}
          disabled={propose.isPending && !!propose.variables}
        >
          {proposal ? 'Propose again for every waiting referral' : 'Propose matches'}
        </Button>
      </div>
      <Text role="status" size="sm">
        {status}
      </Text>
      {propose.isError && !choiceErrors && (
        <QueryError error={propose.error} onRetry={() => propose.mutate(undefined)} />
      )}
      {choiceErrors && (
        <Alert
          ref={choiceRef}
          tabIndex={-1}
          role="alert"
          color="red"
          variant="outline"
          title={
            <Title order={3} size="h4">
              The ticked referrals were not proposed again
            </Title>
          }
        >
          <List spacing={4}>
            {choiceErrors.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            Untick that referral, or propose again for every waiting referral.
          </Text>
        </Alert>
      )}
      {refusal && (
        <Alert
          ref={refusalRef}
          tabIndex={-1}
          role="alert"
          color="red"
          variant="outline"
          title={
            <Title order={3} size="h4">
              The matches were not approved
            </Title>
          }
        >
          <List spacing={4}>
            {refusal.messages.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {proposal && (
        <Stack gap="md">
          <Title order={3} size="h4" id="proposal-heading" ref={resultRef} tabIndex={-1}>
            Proposal: {plural(proposal.placements.length, 'match', 'matches')}
            {proposal.unplaced.length > 0 && `, ${proposal.unplaced.length} left unmatched`}
          </Title>
          {proposal.placements.length + proposal.unplaced.length > 1 && (
            <Text size="sm">
              Untick a referral to leave it out. Proposing again for the ticked referrals only finds the best
              matches for just those, so a peer freed by one you left out can take another.
            </Text>
          )}
          {proposal.placements.length === 0 && proposal.unplaced.length === 0 && (
            <Text>No referral at this site is waiting for a lead peer.</Text>
          )}
          {proposal.placements.length > 0 && (
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label="Proposed matches"
            >
              {proposal.placements.map((p) => {
                const isRefused = refusal?.caseIds.includes(p.caseId) ?? false;
                return (
                  <Paper
                    component="li"
                    key={p.caseId}
                    withBorder
                    p="sm"
                    style={
                      isRefused ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined
                    }
                  >
                    <Stack gap={6}>
                      <Checkbox
                        id={`approve-${p.caseId}`}
                        checked={!leftOut.has(p.caseId)}
                        onChange={(event) => toggle(p.caseId, event.currentTarget.checked)}
                        label={
                          <Text component="span" fw={700}>
                            Case {p.localCaseId} to {p.name}
                          </Text>
                        }
                        description={`Score ${formatScore(p.score)}${isRefused ? ' — refused, see above' : ''}`}
                      />
                      <List size="sm" spacing={2} aria-label={`Why ${p.name} for case ${p.localCaseId}`}>
                        {p.reasons.map((reason) => (
                          <List.Item key={reason}>{reason}</List.Item>
                        ))}
                      </List>
                      <RouterAnchor to="/cases/$caseId" params={{ caseId: p.caseId }} size="sm">
                        Open case {p.localCaseId}
                      </RouterAnchor>
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>
          )}
          {proposal.unplaced.length > 0 && (
            <Stack gap="xs">
              <Title order={4} size="h5">
                Left unmatched
              </Title>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {proposal.unplaced.map((u) => (
                  <Paper component="li" key={u.caseId} withBorder p="sm">
                    <Stack gap={6}>
                      <Checkbox
                        id={`keep-${u.caseId}`}
                        checked={!leftOut.has(u.caseId)}
                        onChange={(event) => toggle(u.caseId, event.currentTarget.checked)}
                        label={
                          <Text component="span" fw={700}>
                            Case {u.localCaseId}, unmatched
                          </Text>
                        }
                        description={u.reason}
                      />
                      <RouterAnchor
                        to="/cases/$caseId"
                        params={{ caseId: u.caseId }}
                        hash="allocation"
                        size="sm"
                      >
                        Open case {u.localCaseId}
                      </RouterAnchor>
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            </Stack>
          )}
          {proposal.placements.length + proposal.unplaced.length > 0 && (
            <Group>
              <Button
                variant="default"
                onClick={() => propose.mutate(chosen)}
                loading={propose.isPending && !!propose.variables}
                disabled={chosen.length === 0 || (propose.isPending && !propose.variables)}
              >
                Propose again for the ticked referrals only
              </Button>
              {chosen.length === 0 && <Text size="sm">Tick at least one referral to propose again.</Text>}
            </Group>
          )}
          {proposal.placements.length > 0 && (
            <Group>
              <Button onClick={() => setIsConfirming(true)} disabled={body.placements.length === 0}>
                Approve {plural(body.placements.length, 'match', 'matches')}
              </Button>
              {body.placements.length === 0 && <Text size="sm">Tick at least one match to approve.</Text>}
            </Group>
          )}
        </Stack>
      )}
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={`Approve ${plural(body.placements.length, 'match', 'matches')}?`}
      >
        <Text mb="sm">
          Each case will be allocated to the peer shown. Peerpath checks each one again first: if any peer may
          no longer take their case, nothing is allocated.
        </Text>
        <Group>
          <Button loading={approve.isPending} onClick={() => approve.mutate()}>
            Allocate {plural(body.placements.length, 'case', 'cases')}
          </Button>
          <Button variant="default" onClick={() => setIsConfirming(false)}>
            Cancel
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
