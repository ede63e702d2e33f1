import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ImpactMap, sitesLabel } from '../../../contract/social-value.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import { DeleteImpactMap } from './delete-impact-map.tsx';
import { formatPeriod } from './social-value-format.ts';
import { impactMapsQueryOptions, socialValueChanged } from './social-value-query.ts';

export function ImpactMapsPage() {
  const can = useCan();
  if (!can('social_value:read')) return <NotPermitted title="Social value" />;
  return <ImpactMaps canEdit={can('social_value:edit')} />;
}

function ImpactMaps({ canEdit }: { canEdit: boolean }) {
  const maps = useQuery(impactMapsQueryOptions);
  return (
    <>
      <PageHeading title="Social value" />
      <Text mb="md" maw="48rem">
        Impact maps set out, for one site and period, who changes, how much, and what that is worth, against
        the full cost of the service. Quantities can follow your records as they arrive. Each report gives the
        ratio as a range, as the Liaison and Diversion review did.
      </Text>
      <Group mb="lg">
        <RouterAnchor to="/social-value/proxies">Financial proxy library</RouterAnchor>
      </Group>
      {maps.isPending && <PageLoader label="Loading impact maps" />}
      {maps.isError && <QueryError error={maps.error} onRetry={() => void maps.refetch()} />}
      {maps.isSuccess && (
        <section aria-labelledby="maps-heading">
          <Title order={2} size="h3" id="maps-heading" mb="sm">
            Impact maps
          </Title>
          {maps.data.items.length === 0 ? (
            <Text>There are no impact maps for your sites yet.</Text>
          ) : (
            <SimpleGrid
              cols={{ base: 1, md: 2 }}
              spacing="md"
              component="ul"
              aria-labelledby="maps-heading"
              p={0}
            >
              {maps.data.items.map((map) => (
                <Card component="li" key={map.id} withBorder padding="md" style={{ listStyle: 'none' }}>
                  <Title order={3} size="h4">
                    <RouterAnchor to="/social-value/$mapId" params={{ mapId: map.id }}>
                      {map.title}
                    </RouterAnchor>
                  </Title>
                  <Text size="sm">
                    {sitesLabel(map.sites)}, {formatPeriod(map.periodFrom, map.periodTo)}
                  </Text>
                  {canEdit && (
                    <Group gap="md" mt="xs">
                      <RouterAnchor to="/social-value/$mapId/edit" params={{ mapId: map.id }} size="sm">
                        Edit <VisuallyHidden>{map.title}</VisuallyHidden>
                      </RouterAnchor>
                      <DeleteImpactMap map={map} />
                    </Group>
                  )}
                </Card>
              ))}
            </SimpleGrid>
          )}
        </section>
      )}
      {canEdit && <NewImpactMap />}
    </>
  );
}

const fieldIds = {
  siteId: 'new-map-site',
  title: 'new-map-title',
  periodFrom: 'new-map-from',
  periodTo: 'new-map-to',
  priceYear: 'new-map-price-year',
};
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function NewImpactMap() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      siteId: me.sites.length === 1 ? (me.sites[0]?.id ?? '') : '',
      title: '',
      periodFrom: '',
      periodTo: '',
      priceYear: 2024 as number | string,
    },
    validate: {
      siteId: (v) => (v ? null : 'Choose the site'),
      title: (v) => (v.trim() ? null : 'Enter a title'),
      periodFrom: (v) => (isoDatePattern.test(v) ? null : 'Enter the first day of the period'),
      periodTo: (v, values) =>
        !isoDatePattern.test(v)
          ? 'Enter the last day of the period'
          : v < values.periodFrom
            ? 'The period must end on or after its start'
            : null,
      priceYear: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1990 ? null : 'Enter a year, like 2024'),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<ImpactMap>('/api/impact-maps', { ...values, priceYear: Number(values.priceYear) }),
    onSuccess: async (map) => {
      await socialValueChanged(queryClient, map);
      notifications.show({
        color: 'green',
        message: `“${map.title}” has been created. Add its stakeholders, outcomes and costs.`,
      });
      await navigate({ to: '/social-value/$mapId/edit', params: { mapId: map.id } });
    },
    onError: problems.onApiError,
  });
  return (
    <section aria-labelledby="new-map-heading">
      <Title order={2} size="h3" id="new-map-heading" mt="xl" mb="sm">
        Start an impact map
      </Title>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => create.mutate(v), problems.onValidationFailure)}>
        <Stack gap="sm" maw="36rem">
          <NativeSelect
            id={fieldIds.siteId}
            label="Site"
            data={[
              { value: '', label: 'Choose a site' },
              ...me.sites.map((s) => ({ value: s.id, label: s.name })),
            ]}
            {...form.getInputProps('siteId')}
          />
          <TextInput id={fieldIds.title} label="Title" {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <TextInput
              id={fieldIds.periodFrom}
              type="date"
              label="Period from"
              {...form.getInputProps('periodFrom')}
            />
            <TextInput
              id={fieldIds.periodTo}
              type="date"
              label="Period to"
              {...form.getInputProps('periodTo')}
            />
          </Group>
          <NumberInput
            id={fieldIds.priceYear}
            label="Price year"
            description="Every financial proxy is uprated to this year’s prices."
            allowDecimal={false}
            {...form.getInputProps('priceYear')}
          />
          <div>
            <Button type="submit" loading={create.isPending}>
              Create impact map
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
