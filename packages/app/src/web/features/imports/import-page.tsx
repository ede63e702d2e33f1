import { Anchor, Button, Code, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import {
  contactColumns,
  type ImportProblem,
  type MdsFile,
  maxImportFileBytes,
  referralColumns,
} from '../../../contract/imports.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { useSiteChoices } from '../sites/sites-query.ts';
import { ImportProgressPanel } from './import-progress-panel.tsx';
import { ImportResult } from './import-result.tsx';
import { importProgressQueryOptions, type UploadProgress, uploadMdsImport } from './upload-mds.ts';

const fieldIds = { siteId: 'import-site', referrals: 'import-referrals', contacts: 'import-contacts' };
const maxMegabytes = Math.round(maxImportFileBytes / 1024 / 1024);

export function ImportPage() {
  const can = useCan();
  if (!can('imports:run')) return <NotPermitted title="Import the NHS England data set" />;
  return <ImportForm />;
}

type Values = { siteId: string; referrals: File | null; contacts: File | null };

function fileProblem(file: File | null, label: string): string | null {
  if (!file) return `Choose the ${label} file`;
  if (file.size === 0) return `The ${label} file is empty`;
  if (file.size > maxImportFileBytes) return `The ${label} file must be smaller than ${maxMegabytes} MB`;
  return null;
}

function ImportForm() {
  const { sites, isLoading } = useSiteChoices();
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [fileNames, setFileNames] = useState<Record<MdsFile, string>>({ referrals: '', contacts: '' });
  const [attempt, setAttempt] = useState(0);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { siteId: '', referrals: null, contacts: null },
    validate: {
      siteId: (value) => (value ? null : 'Choose the site the data set is for'),
      referrals: (value) => fileProblem(value, 'referrals'),
      contacts: (value) => fileProblem(value, 'contacts'),
    },
  });
  const problems = useFormProblems(form, fieldIds);
  const progress = useQuery({ ...importProgressQueryOptions(importId ?? ''), enabled: importId !== null });

  // One site: chosen already.
  const onlySiteId = sites.length === 1 ? sites[0]?.id : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once, when the site list arrives
  useEffect(() => {
    if (onlySiteId && !form.values.siteId) form.setFieldValue('siteId', onlySiteId);
  }, [onlySiteId]);
  const siteId = form.values.siteId;
  const phase = progress.data?.phase;
  const isBusy = upload !== null && phase !== 'done' && phase !== 'failed' && !progress.isError;

  const start = async (values: Values) => {
    if (!values.referrals || !values.contacts) return;
    problems.clear();
    setImportId(null);
    setFileNames({ referrals: values.referrals.name, contacts: values.contacts.name });
    setUpload({ loaded: 0, total: values.referrals.size + values.contacts.size });
    try {
      const { id } = await uploadMdsImport(
        values.siteId,
        { referrals: values.referrals, contacts: values.contacts },
        setUpload,
      );
      setImportId(id);
      setAttempt((n) => n + 1);
    } catch (error) {
      setUpload(null);
      problems.onApiError(error);
    }
  };

  const siteName = sites.find((s) => s.id === siteId)?.name ?? '';
  const failedRows: ImportProblem[] = phase === 'failed' ? (progress.data?.errors ?? []) : [];

  return (
    <>
      <PageHeading title="Import the NHS England data set" />
      <Stack gap="sm" maw={720} mb="lg">
        <Text>
          Import a site’s Liaison and Diversion peer support monthly data set: a referrals file and a contacts
          file, both CSV. Every row is checked first. If any row is wrong, nothing is imported and each
          problem is listed with its line number, so you can correct the files and import them again.
        </Text>
        <Text>
          Importing the same files again changes nothing, so a file covering earlier months as well is safe to
          import.
        </Text>
      </Stack>

      <ErrorSummary {...problems.summary} />
      {phase === 'failed' && (
        <ErrorSummary
          attempt={attempt}
          items={[
            {
              message:
                progress.data?.message ??
                nothingImportedMessage(progress.data?.errorCount ?? 0, failedRows.length),
            },
            ...failedRows.map((problem) => ({
              message: describeProblem(problem, fileNames),
              fieldId: fieldIds[problem.file],
            })),
          ]}
        />
      )}

      <form noValidate onSubmit={form.onSubmit((values) => void start(values), problems.onValidationFailure)}>
        <Stack gap="lg" maw={720}>
          <NativeSelect
            id={fieldIds.siteId}
            label="Site"
            description="Rows of the referrals file for other sites are skipped and counted."
            data={[
              ...(sites.length === 1
                ? []
                : [{ value: '', label: isLoading ? 'Loading sites…' : 'Choose a site' }]),
              ...sites.map((site) => ({ value: site.id, label: site.name })),
            ]}
            disabled={isBusy}
            {...form.getInputProps('siteId')}
          />
          <FileField
            id={fieldIds.referrals}
            label="Referrals file (CSV)"
            columns={referralColumns}
            error={form.errors.referrals}
            disabled={isBusy}
            onChange={(file) => form.setFieldValue('referrals', file)}
          />
          <FileField
            id={fieldIds.contacts}
            label="Contacts file (CSV)"
            columns={contactColumns}
            error={form.errors.contacts}
            disabled={isBusy}
            onChange={(file) => form.setFieldValue('contacts', file)}
          />
          <div>
            <Button type="submit" loading={isBusy} disabled={isBusy}>
              Import
            </Button>
          </div>
        </Stack>
      </form>

      {upload && <ImportProgressPanel upload={upload} progress={progress.data} isLost={progress.isError} />}
      {phase === 'done' && progress.data?.counts && (
        <ImportResult counts={progress.data.counts} siteName={siteName} attempt={attempt}>
          {/* Reading the report after an import: the report pages are the reports feature's. */}
          <Text>
            <Anchor component={Link} to="/reports/caseload">
              Open the caseload report
            </Anchor>{' '}
            to see the imported cases counted.
          </Text>
        </ImportResult>
      )}
    </>
  );
}

function nothingImportedMessage(errorCount: number, shown: number): string {
  const what = `${errorCount.toLocaleString('en-GB')} ${errorCount === 1 ? 'problem was' : 'problems were'} found`;
  const which = shown < errorCount ? ` The first ${shown.toLocaleString('en-GB')} are listed.` : '';
  return `Nothing was imported: ${what}. Correct the files and import both again.${which}`;
}

function describeProblem(problem: ImportProblem, fileNames: Record<MdsFile, string>): string {
  const file = fileNames[problem.file] || `${problem.file}.csv`;
  return `${file} line ${problem.line.toLocaleString('en-GB')}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`;
}

/** A native file input (the most accessible kind), with Mantine's label, description and error. */
function FileField({
  id,
  label,
  columns,
  error,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  columns: readonly string[];
  error: ReactNode;
  disabled: boolean;
  onChange: (file: File | null) => void;
}) {
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <Input.Wrapper
      id={id}
      label={label}
      description={
        <>
          Columns, in any order: <Code>{columns.join(', ')}</Code>
        </>
      }
      error={error}
      descriptionProps={{ id: descriptionId }}
      errorProps={{ id: errorId }}
    >
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="file-input"
        disabled={disabled}
        aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)}
        style={{ display: 'block', maxWidth: '100%', marginTop: 6 }}
      />
    </Input.Wrapper>
  );
}
