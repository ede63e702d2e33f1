import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import {
  costAmountSources,
  costCategories,
  costCategoryLabels,
  type ImpactMap,
  peopleServedSources,
  quantitySourceLabels,
  quantitySources,
  sitesLabel,
} from '../../../contract/social-value.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import {
  bodyOf,
  freshKey,
  type ImpactMapValues,
  livingWageOn,
  newCost,
  newOutcome,
  proxyOptions,
  validateMap,
  valuesOf,
} from './impact-map-form.ts';
import { formatCalendarDate, formatPoundsPence } from './social-value-format.ts';
import { impactMapQueryOptions, proxiesQueryOptions, socialValueChanged } from './social-value-query.ts';
// Outcomes (issue 5)
import { SurveyIndicatorSelect } from './survey-indicator-select.tsx';

export function ImpactMapEditPage() {
  const can = useCan();
  const { mapId = '' } = useParams({ strict: false });
  const map = useQuery(impactMapQueryOptions(mapId));
  if (!can('social_value:edit')) return <NotPermitted title="Edit impact map" />;
  if (map.isPending)
    return (
      <>
        <PageHeading title="Edit impact map" />
        <PageLoader label="Loading the impact map" />
      </>
    );
  if (map.isError)
    return (
      <>
        <PageHeading title="Edit impact map" />
        <QueryError error={map.error} onRetry={() => void map.refetch()} />
      </>
    );
  return <ImpactMapEditor key={`${map.data.id}-${map.data.version}`} map={map.data} />;
}

/** Every field's input id, in page order, for the error summary. */
function fieldIdsOf(values: ImpactMapValues): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const field of [
    'title',
    'periodFrom',
    'periodTo',
    'priceYear',
    'discountRate',
    'conservativeProxyScale',
    'peopleServedManual',
    'rolloutPopulationHigh',
  ])
    ids[field] = `map-${field}`;
  values.stakeholders.forEach((_, i) => {
    ids[`stakeholders.${i}.name`] = `stakeholder-${i}-name`;
  });
  values.outcomes.forEach((_, i) => {
    for (const field of [
      'stakeholderKey',
      'name',
      'manualQuantity',
      'quantityFactor',
      'proxy',
      'deadweight',
      'displacement',
      'attribution',
      'dropOff',
      'duration',
    ])
      ids[`outcomes.${i}.${field}`] = `outcome-${i}-${field}`;
  });
  values.costs.forEach((_, i) => {
    for (const field of ['description', 'amount', 'volunteerHours'])
      ids[`costs.${i}.${field}`] = `cost-${i}-${field}`;
  });
  // Server-side refusals name a whole list when no input matches.
  ids.stakeholders = 'stakeholders-heading';
  ids.outcomes = 'outcomes-heading';
  ids.costs = 'costs-heading';
  return ids;
}

function ImpactMapEditor({ map }: { map: ImpactMap }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const proxies = useQuery(proxiesQueryOptions);
  const form = useForm<ImpactMapValues>({
    mode: 'controlled',
    initialValues: valuesOf(map),
    validate: validateMap,
  });
  const problems = useFormProblems(form, fieldIdsOf(form.values));
  const save = useMutation({
    mutationFn: (values: ImpactMapValues) =>
      api.put<ImpactMap>(`/api/impact-maps/${map.id}`, bodyOf(values, map)),
    onSuccess: async (saved) => {
      await socialValueChanged(queryClient, saved);
      notifications.show({
        color: 'green',
        message: `“${saved.title}” has been saved. The report has been recalculated.`,
      });
      await navigate({ to: '/social-value/$mapId', params: { mapId: saved.id } });
    },
    onError: problems.onApiError,
  });
  const values = form.values;
  const rate = livingWageOn(proxies.data, values.periodFrom);
  const stakeholderChoices = [
    { value: '', label: 'Choose a stakeholder' },
    ...values.stakeholders.map((s) => ({ value: s.key, label: s.name || '(unnamed stakeholder)' })),
  ];

  return (
    <>
      <PageHeading title={`Edit: ${map.title}`} />
      <Text mb="md" maw="48rem">
        {sitesLabel(map.sites)}. Save replaces the whole map; the report is recalculated from it and from your
        records at once.
      </Text>
      <ErrorSummary {...problems.summary} />
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v), problems.onValidationFailure)}>
        <Stack gap="lg">
          <Fieldset legend="Scope and settings">
            <Stack gap="sm">
              <TextInput id="map-title" label="Title" {...form.getInputProps('title')} />
              <Textarea
                id="map-description"
                label="Description (optional)"
                autosize
                minRows={2}
                {...form.getInputProps('description')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  id="map-periodFrom"
                  type="date"
                  label="Period from"
                  {...form.getInputProps('periodFrom')}
                />
                <TextInput
                  id="map-periodTo"
                  type="date"
                  label="Period to"
                  {...form.getInputProps('periodTo')}
                />
                <NumberInput
                  id="map-priceYear"
                  label="Price year"
                  allowDecimal={false}
                  {...form.getInputProps('priceYear')}
                />
                <NumberInput
                  id="map-discountRate"
                  label="Discount rate"
                  suffix="%"
                  min={0}
                  max={100}
                  decimalScale={2}
                  {...form.getInputProps('discountRate')}
                />
                <NumberInput
                  id="map-conservativeProxyScale"
                  label="Conservative scenario: proxies at"
                  description="50% halves them, as the review did"
                  suffix="%"
                  min={1}
                  max={100}
                  {...form.getInputProps('conservativeProxyScale')}
                />
              </SimpleGrid>
              <Checkbox
                label="Discount year 1 (the SROI guide’s convention)"
                {...form.getInputProps('firstYearDiscounted', { type: 'checkbox' })}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label="People served in the period"
                  data={peopleServedSources.map((s) => ({
                    value: s,
                    label: s === 'manual' ? 'Entered by hand' : `${quantitySourceLabels[s]} (live)`,
                  }))}
                  {...form.getInputProps('peopleServedSource')}
                />
                {values.peopleServedSource === 'manual' && (
                  <NumberInput
                    id="map-peopleServedManual"
                    label="Number of people served"
                    min={1}
                    allowDecimal={false}
                    {...form.getInputProps('peopleServedManual')}
                  />
                )}
              </SimpleGrid>
              <Text size="sm" fw={600}>
                Roll-out costing (optional): the target population a year
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label="Population, lower end"
                  min={1}
                  allowDecimal={false}
                  thousandSeparator=","
                  {...form.getInputProps('rolloutPopulationLow')}
                />
                <NumberInput
                  id="map-rolloutPopulationHigh"
                  label="Population, upper end"
                  min={1}
                  allowDecimal={false}
                  thousandSeparator=","
                  {...form.getInputProps('rolloutPopulationHigh')}
                />
              </SimpleGrid>
              <ProgrammeSites
                ownSiteId={map.siteId}
                value={values.otherSiteIds}
                onChange={(ids) => form.setFieldValue('otherSiteIds', ids)}
              />
            </Stack>
          </Fieldset>

          <section aria-labelledby="stakeholders-heading">
            <Title order={2} size="h3" id="stakeholders-heading" tabIndex={-1} mb="sm">
              Stakeholders
            </Title>
            <Stack gap="xs">
              {values.stakeholders.map((s, i) => (
                <Group key={s.key} align="flex-end" wrap="nowrap">
                  <TextInput
                    id={`stakeholder-${i}-name`}
                    label={`Stakeholder ${i + 1}`}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`stakeholders.${i}.name`)}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    disabled={values.outcomes.some((o) => o.stakeholderKey === s.key)}
                    title={
                      values.outcomes.some((o) => o.stakeholderKey === s.key)
                        ? 'Remove its outcomes first'
                        : undefined
                    }
                    onClick={() => form.removeListItem('stakeholders', i)}
                  >
                    Remove <VisuallyHidden>{s.name || `stakeholder ${i + 1}`}</VisuallyHidden>
                  </Button>
                </Group>
              ))}
              <div>
                <Button
                  variant="outline"
                  onClick={() => form.insertListItem('stakeholders', { key: freshKey(), name: '' })}
                >
                  Add a stakeholder
                </Button>
              </div>
            </Stack>
          </section>

          <section aria-labelledby="outcomes-heading">
            <Title order={2} size="h3" id="outcomes-heading" tabIndex={-1} mb="xs">
              Outcomes
            </Title>
            <Text size="sm" mb="sm" maw="48rem">
              Link a quantity to live data to count it from your records for this site and period, or enter it
              by hand with its source. Need a value that is not in the list?{' '}
              <RouterAnchor to="/social-value/proxies">Add your organisation’s own proxy</RouterAnchor>.
            </Text>
            <Stack gap="md">
              {values.outcomes.map((o, i) => (
                <Fieldset
                  key={o.id ?? `${i}-${o.stakeholderKey}`}
                  legend={`Outcome ${i + 1}${o.name ? `: ${o.name}` : ''}`}
                >
                  <Stack gap="sm">
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <NativeSelect
                        id={`outcome-${i}-stakeholderKey`}
                        label="Stakeholder"
                        data={stakeholderChoices}
                        {...form.getInputProps(`outcomes.${i}.stakeholderKey`)}
                      />
                      <TextInput
                        id={`outcome-${i}-name`}
                        label="Outcome (the change)"
                        {...form.getInputProps(`outcomes.${i}.name`)}
                      />
                      <TextInput
                        label="Outputs (optional)"
                        {...form.getInputProps(`outcomes.${i}.outputs`)}
                      />
                      <TextInput
                        label="Indicator (optional)"
                        {...form.getInputProps(`outcomes.${i}.indicator`)}
                      />
                    </SimpleGrid>
                    <Group gap="lg">
                      <Checkbox
                        label="Intended change"
                        {...form.getInputProps(`outcomes.${i}.isIntended`, { type: 'checkbox' })}
                      />
                      <Checkbox
                        label="A harm or a cost (counts against the total)"
                        {...form.getInputProps(`outcomes.${i}.isHarm`, { type: 'checkbox' })}
                      />
                    </Group>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <NativeSelect
                        label="Quantity"
                        data={quantitySources.map((s) => ({
                          value: s,
                          label: s === 'manual' ? 'Entered by hand' : `Live: ${quantitySourceLabels[s]}`,
                        }))}
                        {...form.getInputProps(`outcomes.${i}.quantitySource`)}
                      />
                      {/* Outcomes (issue 5): the survey indicator whose analysis gives the quantity. */}
                      {o.quantitySource === 'outcomes_indicator' && (
                        <SurveyIndicatorSelect
                          id={`outcome-${i}-surveyIndicator`}
                          {...form.getInputProps(`outcomes.${i}.surveyIndicator`)}
                        />
                      )}
                      {o.quantitySource === 'manual' ? (
                        <NumberInput
                          id={`outcome-${i}-manualQuantity`}
                          label="How many units of change"
                          min={0}
                          {...form.getInputProps(`outcomes.${i}.manualQuantity`)}
                        />
                      ) : (
                        <NumberInput
                          id={`outcome-${i}-quantityFactor`}
                          label="Change per person counted"
                          description="1 counts each person once; 0.22 for 22% distance travelled"
                          min={0}
                          decimalScale={4}
                          {...form.getInputProps(`outcomes.${i}.quantityFactor`)}
                        />
                      )}
                      <TextInput
                        label="Source of the quantity"
                        description="Where the figure comes from"
                        {...form.getInputProps(`outcomes.${i}.quantityNote`)}
                      />
                      <NumberInput
                        label="Sample size (optional)"
                        min={1}
                        allowDecimal={false}
                        {...form.getInputProps(`outcomes.${i}.sampleSize`)}
                      />
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <NativeSelect
                        id={`outcome-${i}-proxy`}
                        label="Financial proxy"
                        data={proxyOptions(proxies.data, 'Choose a proxy')}
                        {...form.getInputProps(`outcomes.${i}.proxy`)}
                      />
                      <NativeSelect
                        label="Optimistic proxy (optional)"
                        description="A higher value for the optimistic scenario"
                        data={proxyOptions(proxies.data, 'None: as central')}
                        {...form.getInputProps(`outcomes.${i}.optimisticProxy`)}
                      />
                    </SimpleGrid>
                    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
                      <NumberInput
                        id={`outcome-${i}-deadweight`}
                        label="Deadweight"
                        suffix="%"
                        min={0}
                        max={100}
                        {...form.getInputProps(`outcomes.${i}.deadweight`)}
                      />
                      <NumberInput
                        id={`outcome-${i}-displacement`}
                        label="Displacement"
                        suffix="%"
                        min={0}
                        max={100}
                        {...form.getInputProps(`outcomes.${i}.displacement`)}
                      />
                      <NumberInput
                        id={`outcome-${i}-attribution`}
                        label="Attribution"
                        description="Share due to others"
                        suffix="%"
                        min={0}
                        max={100}
                        {...form.getInputProps(`outcomes.${i}.attribution`)}
                      />
                      <NumberInput
                        id={`outcome-${i}-dropOff`}
                        label="Drop-off a year"
                        suffix="%"
                        min={0}
                        max={100}
                        {...form.getInputProps(`outcomes.${i}.dropOff`)}
                      />
                      <NumberInput
                        id={`outcome-${i}-duration`}
                        label="Duration (years)"
                        min={1}
                        max={50}
                        allowDecimal={false}
                        {...form.getInputProps(`outcomes.${i}.duration`)}
                      />
                      <NativeSelect
                        label="Starts"
                        data={[
                          { value: '1', label: 'In the period' },
                          { value: '2', label: 'The year after' },
                        ]}
                        {...form.getInputProps(`outcomes.${i}.startYear`)}
                      />
                    </SimpleGrid>
                    <div>
                      <Button variant="subtle" color="red" onClick={() => form.removeListItem('outcomes', i)}>
                        Remove outcome {i + 1}
                      </Button>
                    </div>
                  </Stack>
                </Fieldset>
              ))}
              <div>
                <Button
                  variant="outline"
                  disabled={values.stakeholders.length === 0}
                  onClick={() =>
                    form.insertListItem('outcomes', newOutcome(values.stakeholders[0]?.key ?? ''))
                  }
                >
                  Add an outcome
                </Button>
                {values.stakeholders.length === 0 && (
                  <Text size="sm" mt="xs">
                    Add a stakeholder first.
                  </Text>
                )}
              </div>
            </Stack>
          </section>

          <section aria-labelledby="costs-heading">
            <Title order={2} size="h3" id="costs-heading" tabIndex={-1} mb="xs">
              Costs
            </Title>
            <Text size="sm" mb="sm" maw="48rem">
              Full cost recovery: staff, contracts, equipment, training, expenses, overheads and in-kind
              support. Volunteer time is hours × a rate; leave the rate empty for the National Living Wage in
              force on{' '}
              {values.periodFrom ? formatCalendarDate(values.periodFrom) : 'the first day of the period'}
              {rate ? ` (${formatPoundsPence(rate / 100)} an hour)` : ''}. The report shows results with and
              without it.
            </Text>
            <Stack gap="md">
              {values.costs.map((c, i) => (
                <Fieldset
                  key={c.id ?? `cost-${i}`}
                  legend={`Cost ${i + 1}${c.description ? `: ${c.description}` : ''}`}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                    <NativeSelect
                      label="Kind"
                      data={costCategories.map((k) => ({ value: k, label: costCategoryLabels[k] }))}
                      {...form.getInputProps(`costs.${i}.category`)}
                    />
                    <TextInput
                      id={`cost-${i}-description`}
                      label="Description"
                      {...form.getInputProps(`costs.${i}.description`)}
                    />
                    {c.category === 'volunteer_time' ? (
                      <>
                        <NumberInput
                          id={`cost-${i}-volunteerHours`}
                          label="Hours"
                          min={0}
                          thousandSeparator=","
                          {...form.getInputProps(`costs.${i}.volunteerHours`)}
                        />
                        <NumberInput
                          label="Rate an hour (optional)"
                          prefix="£"
                          min={0}
                          decimalScale={2}
                          placeholder={rate ? (rate / 100).toFixed(2) : undefined}
                          {...form.getInputProps(`costs.${i}.volunteerRate`)}
                        />
                      </>
                    ) : (
                      <>
                        <NativeSelect
                          label="Amount"
                          data={costAmountSources
                            .filter((s) => s !== 'approved_volunteer_hours')
                            .map((s) => ({
                              value: s,
                              label:
                                s === 'manual'
                                  ? 'Entered by hand'
                                  : 'Live: Personalisation Fund grants approved',
                            }))}
                          {...form.getInputProps(`costs.${i}.amountSource`)}
                        />
                        {c.amountSource === 'manual' && (
                          <NumberInput
                            id={`cost-${i}-amount`}
                            label="Amount (£)"
                            prefix="£"
                            min={0}
                            decimalScale={2}
                            thousandSeparator=","
                            {...form.getInputProps(`costs.${i}.amount`)}
                          />
                        )}
                      </>
                    )}
                  </SimpleGrid>
                  <Button
                    variant="subtle"
                    color="red"
                    mt="xs"
                    onClick={() => form.removeListItem('costs', i)}
                  >
                    Remove cost {i + 1}
                  </Button>
                </Fieldset>
              ))}
              <Group gap="sm">
                <Button variant="outline" onClick={() => form.insertListItem('costs', newCost())}>
                  Add a cost
                </Button>
                <Button
                  variant="outline"
                  onClick={() => form.insertListItem('costs', newCost('volunteer_time'))}
                >
                  Add volunteer time
                </Button>
              </Group>
            </Stack>
          </section>

          <Group>
            <Button type="submit" loading={save.isPending}>
              Save and see the report
            </Button>
            <RouterAnchor to="/social-value/$mapId" params={{ mapId: map.id }}>
              Cancel
            </RouterAnchor>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** A programme map also counts the records of these sites; only sites the editor works at are offered. */
function ProgrammeSites({
  ownSiteId,
  value,
  onChange,
}: {
  ownSiteId: string;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const me = useMe();
  const others = me.sites.filter((s) => s.id !== ownSiteId);
  if (others.length === 0) return null;
  return (
    <Checkbox.Group
      label="Programme: other sites this map covers"
      description="Live counts then include their records too. Only people who work at every site covered can see the map."
      value={value}
      onChange={onChange}
    >
      <Stack gap="xs" mt="xs">
        {others.map((s) => (
          <Checkbox key={s.id} value={s.id} label={s.name} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
