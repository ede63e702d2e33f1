import { Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Coverage, type Partner, partnerKindLabels } from '../../../contract/social-capital.ts';
import { InlineFormToggle } from '../../components/inline-form-toggle.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/dates.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import {
  AddContactForm,
  AddHolderForm,
  AddPartnerForm,
  EndHolderForm,
  HandoverSection,
  UpdateHolderForm,
} from './register-forms.tsx';

const strengthLabels = { weak: 'weak', moderate: 'moderate', strong: 'strong' } as const;

/**
 * The social capital register (issue 6 §9): who holds each relationship with a partner, with the ones
 * held by a single worker flagged, and the site's succession coverage.
 */
export function RegisterPage() {
  const can = useCan();
  const me = useMe();
  const [siteId, setSiteId] = useState(me.sites[0]?.id ?? '');
  if (!can('social_capital:read')) return <NotPermitted title="Partner relationships" />;
  return (
    <Stack gap="lg">
      <PageHeading title="Partner relationships" />
      {me.sites.length > 1 && (
        <NativeSelect
          label="Site"
          maw={320}
          value={siteId}
          onChange={(e) => setSiteId(e.currentTarget.value)}
          data={me.sites.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
      {siteId && <SiteRegister siteId={siteId} />}
    </Stack>
  );
}

function SiteRegister({ siteId }: { siteId: string }) {
  const canManage = useCan()('social_capital:manage');
  const coverage = useQuery({
    queryKey: ['social-capital', 'coverage', siteId],
    queryFn: () => api.get<Coverage>('/api/social-capital/coverage', { siteId }),
  });
  const register = useQuery({
    queryKey: ['social-capital', 'partners', siteId],
    queryFn: () => api.get<{ items: Partner[]; total: number }>('/api/social-capital/partners', { siteId }),
  });
  if (coverage.isPending || register.isPending) return <PageLoader label="Loading the register" />;
  if (coverage.isError) return <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (register.isError) return <QueryError error={register.error} onRetry={() => void register.refetch()} />;
  const c = coverage.data;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" maw={640}>
        <Title order={2} size="h3">
          Succession coverage
        </Title>
        <Text size="xl" fw={700}>
          {c.coverage === null
            ? 'No relationships recorded'
            : `${(c.coverage * 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}% held by two or more people`}
        </Text>
        <Text>
          {c.contacts.toLocaleString('en-GB')} relationships: {c.heldByTwoOrMore.toLocaleString('en-GB')}{' '}
          shared, {c.heldByOne.toLocaleString('en-GB')} held by one person only,{' '}
          {c.lost.toLocaleString('en-GB')} with nobody.
        </Text>
      </Paper>
      {canManage && <AddPartnerForm siteId={siteId} />}
      {register.data.items.length === 0 ? (
        <Text>No partner organisations recorded for this site yet.</Text>
      ) : (
        register.data.items.map((partner) => (
          <section key={partner.id} aria-labelledby={`partner-${partner.id}`}>
            <Title order={2} size="h4" id={`partner-${partner.id}`}>
              {partner.name}
            </Title>
            <Text size="sm" mb="xs">
              {partnerKindLabels[partner.kind]}
            </Text>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {partner.contacts.map((contact) => (
                <li key={contact.id}>
                  <Paper withBorder p="sm">
                    <Text fw={600}>
                      {contact.name}
                      {contact.jobTitle ? `, ${contact.jobTitle}` : ''}
                    </Text>
                    {contact.isSuccessionRisk && (
                      <Text fw={700} c="red.9">
                        Succession risk: only one person holds this relationship
                      </Text>
                    )}
                    {contact.isLost && (
                      <Text fw={700} c="red.9">
                        Nobody holds this relationship now
                      </Text>
                    )}
                    <List size="sm" mt={4}>
                      {contact.holders.map((h) => (
                        <List.Item key={h.id}>
                          {h.name}: {strengthLabels[h.strength]}
                          {h.lastInteractionOn ? `, last in touch ${formatDate(h.lastInteractionOn)}` : ''}
                          {canManage && (
                            <Group gap="xs" mt={4} mb="xs" align="flex-start">
                              <InlineFormToggle label={`Update ${h.name}`}>
                                {(close) => <UpdateHolderForm holder={h} contact={contact} onDone={close} />}
                              </InlineFormToggle>
                              <InlineFormToggle label={`Remove ${h.name}`}>
                                {(close) => <EndHolderForm holder={h} contact={contact} onDone={close} />}
                              </InlineFormToggle>
                            </Group>
                          )}
                        </List.Item>
                      ))}
                    </List>
                    {canManage && (
                      <InlineFormToggle label={`Add a holder for ${contact.name}`}>
                        {(close) => <AddHolderForm contact={contact} siteId={siteId} onDone={close} />}
                      </InlineFormToggle>
                    )}
                  </Paper>
                </li>
              ))}
            </Stack>
            {canManage && (
              <Stack mt="xs">
                <InlineFormToggle label={`Add a contact at ${partner.name}`}>
                  {(close) => <AddContactForm partner={partner} onDone={close} />}
                </InlineFormToggle>
              </Stack>
            )}
          </section>
        ))
      )}
      {canManage && <HandoverSection siteId={siteId} />}
    </Stack>
  );
}
