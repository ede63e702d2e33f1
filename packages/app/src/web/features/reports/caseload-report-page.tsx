import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { useSiteChoices } from '../sites/sites-query.ts';
import { CaseloadReportChart } from './caseload-report-chart.tsx';
import { type CaseloadReportFilters, caseloadReportQueryOptions } from './caseload-report-query.ts';
import { CaseloadReportTable } from './caseload-report-table.tsx';
import { FundTotalsSection } from './fund-totals-section.tsx';
import { formatCalendarDate } from './report-format.ts';

const fieldIds = { siteIds: 'report-sites', from: 'report-from', to: 'report-to' };
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function CaseloadReportPage() {
  const can = useCan();
  if (!can('reports:read')) return <NotPermitted title="Caseload report" />;
  return <CaseloadReport />;
}

function describeFilters(filters: CaseloadReportFilters, siteCount: number): string {
  const which =
    filters.siteIds.length === 0 ? 'every site' : `${siteCount} ${siteCount === 1 ? 'site' : 'sites'}`;
  const { from, to } = filters;
  const when =
    from && to
      ? `referred from ${formatCalendarDate(from)} to ${formatCalendarDate(to)}`
      : from
        ? `referred from ${formatCalendarDate(from)}`
        : to
          ? `referred up to ${formatCalendarDate(to)}`
          : 'referred at any time';
  return `Cases at ${which}, ${when}.`;
}

function CaseloadReport() {
  const { sites } = useSiteChoices();
  const [filters, setFilters] = useState<CaseloadReportFilters>({ siteIds: [], from: '', to: '' });
  const report = useQuery(caseloadReportQueryOptions(filters));
  const form = useForm({
    mode: 'controlled',
    initialValues: { siteIds: [] as string[], from: '', to: '' },
    validate: {
      from: (value) => (value && !isoDatePattern.test(value) ? 'Enter a real date' : null),
      to: (value, values) => {
        if (!value) return null;
        if (!isoDatePattern.test(value)) return 'Enter a real date';
        return values.from && value < values.from ? 'The end date must be on or after the start date' : null;
      },
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const reportSites = report.data?.sites ?? [];
  const totalCases = reportSites.reduce((n, s) => n + s.cases, 0);
  // A column per site where there is room; one table per site on a phone.
  const isWide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <>
      <PageHeading title="Caseload report" />
      <Text mb="md" maw="48rem">
        Table 1 of the Liaison and Diversion peer support review, from your own records: how many cases each
        site had, how many engaged, how they were contacted, how often, and how long they stayed on the books.
        Only contacts that were made count; attempts are shown apart.
      </Text>

      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        aria-label="Choose sites and dates"
        onSubmit={form.onSubmit(
          (values) => setFilters({ siteIds: values.siteIds, from: values.from, to: values.to }),
          problems.onValidationFailure,
        )}
      >
        <Stack gap="md" mb="lg">
          <Checkbox.Group
            id={fieldIds.siteIds}
            label="Sites"
            description="Leave every box empty for all of your sites."
            {...form.getInputProps('siteIds')}
          >
            <Group gap="md" mt="xs">
              {sites.map((site) => (
                <Checkbox key={site.id} value={site.id} label={site.name} />
              ))}
            </Group>
          </Checkbox.Group>
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
            <Button type="submit" loading={report.isFetching}>
              Show report
            </Button>
          </div>
        </Stack>
      </form>

      <Text role="status" fw={500} mb="sm">
        {report.isSuccess && !report.isFetching && describeFilters(filters, reportSites.length)}
      </Text>
      {report.isPending && <PageLoader label="Loading the report" />}
      {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && totalCases === 0 && (
        <Text>No cases were referred in this period at the sites chosen. Try other dates or sites.</Text>
      )}
      {report.isSuccess && totalCases > 0 && (
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Stack gap="lg" style={{ flex: '1 1 30rem', minWidth: 0 }}>
            {isWide ? (
              <CaseloadReportTable sites={reportSites} caption="Caseload report by site" />
            ) : (
              // One narrow table per site on a phone, so nothing scrolls sideways.
              reportSites.map((site) => (
                <CaseloadReportTable
                  key={site.siteId}
                  sites={[site]}
                  caption={`Caseload report: ${site.site}`}
                />
              ))
            )}
          </Stack>
          <div style={{ flex: '1 1 20rem', minWidth: 0 }}>
            <CaseloadReportChart sites={reportSites} />
          </div>
        </Group>
      )}
      {report.isSuccess && (
        <FundTotalsSection siteIds={filters.siteIds} from={filters.from} to={filters.to} />
      )}
    </>
  );
}
