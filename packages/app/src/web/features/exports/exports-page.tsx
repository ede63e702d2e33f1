import {
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { downloadFile } from '../../lib/download-file.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { useSiteChoices } from '../sites/sites-query.ts';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

type SiteChoice = { id: string; name: string };

const siteOptions = (sites: SiteChoice[]) => [
  { value: '', label: 'Choose a site' },
  ...sites.map((s) => ({ value: s.id, label: s.name })),
];

export function ExportsPage() {
  const can = useCan();
  const { sites } = useSiteChoices();
  const canMds = can('exports:mds');
  const canExtract = can('exports:pseudonymised');
  if (!canMds && !canExtract) return <NotPermitted title="Exports" />;
  return (
    <>
      <PageHeading title="Exports" />
      <Text mb="lg" maw="48rem">
        Files to download as CSV, which any spreadsheet opens. Each download is recorded in the audit log.
      </Text>
      <Stack gap="xl" maw="40rem">
        {canMds && <MonthlyReturnForm sites={sites} />}
        {canExtract && <PseudonymisedExtractForm sites={sites} />}
      </Stack>
    </>
  );
}

/** What happened to the last download: read out by screen readers when it changes. */
function DownloadStatus({ fileName }: { fileName: string | undefined }) {
  return (
    <Text role="status" fw={500}>
      {fileName ? `Downloaded ${fileName}.` : ''}
    </Text>
  );
}

function MonthlyReturnForm({ sites }: { sites: SiteChoice[] }) {
  const fieldIds = { siteId: 'mds-site', month: 'mds-month', year: 'mds-year' };
  // The return is for the month just ended.
  const lastMonth = new Date();
  lastMonth.setDate(1);
  lastMonth.setMonth(lastMonth.getMonth() - 1);
  const thisYear = new Date().getFullYear();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      siteId: sites.length === 1 ? (sites[0]?.id ?? '') : '',
      month: String(lastMonth.getMonth() + 1).padStart(2, '0'),
      year: String(lastMonth.getFullYear()),
    },
    validate: { siteId: (value) => (value ? null : 'Choose a site') },
  });
  const problems = useFormProblems(form, fieldIds);
  const download = useMutation({
    mutationFn: (values: typeof form.values) =>
      downloadFile(
        `/api/exports/mds?${new URLSearchParams({ siteId: values.siteId, month: `${values.year}-${values.month}` })}`,
        'peer-support-return.csv',
      ),
    onMutate: () => problems.clear(),
    onError: problems.onApiError,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mds-heading">
      <Title order={2} size="h3" id="mds-heading" mb="xs">
        Monthly NHS England return
      </Title>
      <Text mb="md">
        The Liaison and Diversion peer support data set for one site and month: one row per case open during
        the month, with its contacts made that month by type, date of first contact and date discharged.
      </Text>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => download.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md">
          <NativeSelect
            id={fieldIds.siteId}
            label="Site"
            data={siteOptions(sites)}
            {...form.getInputProps('siteId')}
          />
          <Fieldset legend="Which month" variant="unstyled">
            <Group gap="sm" align="flex-start">
              <NativeSelect
                id={fieldIds.month}
                label="Month"
                data={monthNames.map((name, i) => ({ value: String(i + 1).padStart(2, '0'), label: name }))}
                {...form.getInputProps('month')}
              />
              <NativeSelect
                id={fieldIds.year}
                label="Year"
                data={Array.from({ length: 10 }, (_, i) => String(thisYear - i))}
                {...form.getInputProps('year')}
              />
            </Group>
          </Fieldset>
          <div>
            <Button type="submit" loading={download.isPending}>
              Download the return
            </Button>
          </div>
          <DownloadStatus fileName={download.data?.fileName} />
        </Stack>
      </form>
    </Paper>
  );
}

function PseudonymisedExtractForm({ sites }: { sites: SiteChoice[] }) {
  const fieldIds = { siteId: 'extract-site', from: 'extract-from', to: 'extract-to' };
  const form = useForm({
    mode: 'controlled',
    initialValues: { siteId: sites.length === 1 ? (sites[0]?.id ?? '') : '', from: '', to: '' },
    validate: {
      siteId: (value) => (value ? null : 'Choose a site'),
      from: (value) => (value && !isoDatePattern.test(value) ? 'Enter a real date' : null),
      to: (value, values) => {
        if (!value) return null;
        if (!isoDatePattern.test(value)) return 'Enter a real date';
        return values.from && value < values.from ? 'The end date must be on or after the start date' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const download = useMutation({
    mutationFn: (values: typeof form.values) => {
      const query = new URLSearchParams({ siteId: values.siteId });
      if (values.from) query.set('from', values.from);
      if (values.to) query.set('to', values.to);
      return downloadFile(`/api/exports/pseudonymised?${query}`, 'pseudonymised-extract.csv');
    },
    onMutate: () => problems.clear(),
    onError: problems.onApiError,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="extract-heading">
      <Title order={2} size="h3" id="extract-heading" mb="xs">
        Pseudonymised extract for evaluators
      </Title>
      <Text mb="xs">One row per case referred in the dates chosen (all cases if you leave them empty).</Text>
      <List size="sm" mb="md" spacing={4}>
        <List.Item>Each case is known by a code that is different in every extract.</List.Item>
        <List.Item>No names, phone numbers or case ids; the year of birth only.</List.Item>
      </List>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => download.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md">
          <NativeSelect
            id={fieldIds.siteId}
            label="Site"
            data={siteOptions(sites)}
            {...form.getInputProps('siteId')}
          />
          <Group gap="sm" align="flex-start">
            <TextInput
              id={fieldIds.from}
              type="date"
              label="Referred from (optional)"
              {...form.getInputProps('from')}
            />
            <TextInput
              id={fieldIds.to}
              type="date"
              label="Referred to (optional)"
              {...form.getInputProps('to')}
            />
          </Group>
          <div>
            <Button type="submit" loading={download.isPending}>
              Download the extract
            </Button>
          </div>
          <DownloadStatus fileName={download.data?.fileName} />
        </Stack>
      </form>
    </Paper>
  );
}
