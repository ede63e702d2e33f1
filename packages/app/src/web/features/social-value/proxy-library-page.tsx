import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FinancialProxy } from '../../../contract/social-value.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download-file.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { formatCalendarDate, formatPence, formatPoundsPence } from './social-value-format.ts';
import { proxiesQueryOptions } from './social-value-query.ts';

export function ProxyLibraryPage() {
  const can = useCan();
  if (!can('social_value:read')) return <NotPermitted title="Financial proxy library" />;
  return <ProxyLibrary canEdit={can('social_value:edit')} />;
}

function ProxyCards({ proxies, label }: { proxies: FinancialProxy[]; label: string }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" p={0} aria-label={label}>
      {proxies.map((p) => (
        <Card
          key={p.ref.kind === 'library' ? p.ref.key : p.ref.id}
          component="li"
          withBorder
          padding="sm"
          style={{ listStyle: 'none' }}
        >
          <Text fw={600}>{p.name}</Text>
          <Text size="sm">
            {formatPence(p.valuePence)} {p.unit}, {p.priceYear} prices
          </Text>
          <Text size="sm">
            Source:{' '}
            {p.sourceUrl ? (
              <Anchor href={p.sourceUrl} rel="noreferrer">
                {p.sourceTitle}
              </Anchor>
            ) : (
              p.sourceTitle
            )}
          </Text>
          <Text size="sm">Licence: {p.licence}</Text>
          {p.notes && (
            <Text size="sm" c="dimmed">
              {p.notes}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ProxyLibrary({ canEdit }: { canEdit: boolean }) {
  const proxies = useQuery(proxiesQueryOptions);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <PageHeading title="Financial proxy library" />
      <Text mb="md" maw="48rem">
        Peerpath ships only openly licensed values, each with its source and licence. It never ships HACT UK
        Social Value Bank or National TOMs values: their licences forbid it. If your organisation holds a
        licence, add those values as your own; they stay in your organisation’s data and are never part of the
        library.
      </Text>
      <Group mb="lg">
        <RouterAnchor to="/social-value">All impact maps</RouterAnchor>
        <Button
          variant="outline"
          onClick={() =>
            void downloadFile('/api/social-value/proxy-library/export', 'peerpath-proxy-library.csv').then(
              ({ fileName }) => setMessage(`Downloaded ${fileName}.`),
              (error) => setMessage(isApiError(error) ? error.message : 'The download failed. Try again.'),
            )
          }
        >
          Download the library (CSV)
        </Button>
        <Text role="status" size="sm">
          {message}
        </Text>
      </Group>
      {proxies.isPending && <PageLoader label="Loading the library" />}
      {proxies.isError && <QueryError error={proxies.error} onRetry={() => void proxies.refetch()} />}
      {proxies.isSuccess && (
        <Stack gap="lg">
          <section aria-labelledby="library-heading">
            <Title order={2} size="h3" id="library-heading" mb="sm">
              Peerpath library ({proxies.data.libraryVersion})
            </Title>
            <ProxyCards proxies={proxies.data.library} label="Peerpath library" />
          </section>
          <section aria-labelledby="own-heading">
            <Title order={2} size="h3" id="own-heading" mb="sm">
              Your organisation’s own proxies
            </Title>
            {proxies.data.organisation.length === 0 ? (
              <Text>None yet.</Text>
            ) : (
              <ProxyCards proxies={proxies.data.organisation} label="Your organisation’s own proxies" />
            )}
          </section>
          <section aria-labelledby="not-shipped-heading">
            <Title order={2} size="h3" id="not-shipped-heading" mb="sm">
              Not shipped, and why
            </Title>
            <List spacing="xs" maw="56rem">
              {proxies.data.notShipped.map((n) => (
                <List.Item key={n.name}>
                  <strong>{n.name}.</strong> {n.reason}
                </List.Item>
              ))}
            </List>
          </section>
          <section aria-labelledby="reference-heading">
            <Title order={2} size="h3" id="reference-heading" mb="sm">
              Reference data
            </Title>
            <Text size="sm" maw="56rem">
              Uprating: {proxies.data.deflators.title}, {proxies.data.deflators.release} (
              {proxies.data.deflators.licence}). Volunteer time: {proxies.data.livingWage.source} —{' '}
              {proxies.data.livingWage.rates
                .slice(-3)
                .map((r) => `${formatPoundsPence(r.ratePence / 100)} from ${formatCalendarDate(r.from)}`)
                .join('; ')}
              .
            </Text>
          </section>
          {canEdit && <NewProxy />}
        </Stack>
      )}
    </>
  );
}

const fieldIds = {
  name: 'proxy-name',
  unit: 'proxy-unit',
  value: 'proxy-value',
  priceYear: 'proxy-price-year',
  sourceTitle: 'proxy-source',
  licence: 'proxy-licence',
};

function NewProxy() {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: '',
      unit: 'per person per year',
      value: '' as number | string,
      priceYear: new Date().getFullYear() as number | string,
      sourceTitle: '',
      sourceUrl: '',
      licence: '',
      notes: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name for the proxy'),
      unit: (v) => (v.trim() ? null : 'Say what one unit is'),
      value: (v) => (v === '' || Number.isNaN(Number(v)) ? 'Enter the value in pounds' : null),
      priceYear: (v) => (Number(v) >= 1990 ? null : 'Enter the year of the value’s prices'),
      sourceTitle: (v) => (v.trim() ? null : 'Enter where the value comes from'),
      licence: (v) => (v.trim() ? null : 'Enter the licence under which you hold the value'),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.post<FinancialProxy>('/api/social-value/proxies', {
        name: v.name,
        unit: v.unit,
        valuePence: Math.round(Number(v.value) * 100),
        priceYear: Number(v.priceYear),
        sourceTitle: v.sourceTitle,
        sourceUrl: v.sourceUrl.trim() || null,
        licence: v.licence,
        notes: v.notes,
      }),
    onSuccess: async (proxy) => {
      await queryClient.invalidateQueries({ queryKey: ['social-value', 'proxies'] });
      notifications.show({
        color: 'green',
        message: `“${proxy.name}” has been added to your organisation’s proxies.`,
      });
      form.reset();
    },
    onError: problems.onApiError,
  });
  return (
    <section aria-labelledby="new-proxy-heading">
      <Title order={2} size="h3" id="new-proxy-heading" mb="sm">
        Add your organisation’s own proxy
      </Title>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => create.mutate(v), problems.onValidationFailure)}>
        <Stack gap="sm" maw="40rem">
          <TextInput id={fieldIds.name} label="Name" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              id={fieldIds.value}
              label="Value (£)"
              prefix="£"
              decimalScale={2}
              thousandSeparator=","
              {...form.getInputProps('value')}
            />
            <TextInput id={fieldIds.unit} label="Unit" {...form.getInputProps('unit')} />
            <NumberInput
              id={fieldIds.priceYear}
              label="Price year"
              allowDecimal={false}
              {...form.getInputProps('priceYear')}
            />
          </SimpleGrid>
          <TextInput
            id={fieldIds.sourceTitle}
            label="Source"
            description="Publication, edition and table"
            {...form.getInputProps('sourceTitle')}
          />
          <TextInput label="Source web address (optional)" type="url" {...form.getInputProps('sourceUrl')} />
          <TextInput
            id={fieldIds.licence}
            label="Licence"
            description="e.g. held under your HACT licence; not for redistribution"
            {...form.getInputProps('licence')}
          />
          <TextInput label="Notes (optional)" {...form.getInputProps('notes')} />
          <div>
            <Button type="submit" loading={create.isPending}>
              Add proxy
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
