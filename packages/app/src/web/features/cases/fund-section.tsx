import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
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
import { useState } from 'react';
import {
  type FundCategory,
  type FundStatus,
  fundCategories,
  fundCategoryLabels,
} from '../../../contract/case-codes.ts';
import type { CaseDetail, FundApplication } from '../../../contract/cases.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/dates.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { formatIsoDate, formatPence, parsePounds, todayIsoDate } from './case-format.ts';
import { fundApplicationsQueryOptions } from './cases-query.ts';

const statusLabels: Record<FundStatus, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
};
const statusColours: Record<FundStatus, string> = { pending: 'yellow', approved: 'green', declined: 'gray' };

/** Personalisation Fund applications for one case: apply, and (coordinators) decide and mark paid. */
export function FundSection({ item }: { item: CaseDetail }) {
  const can = useCan();
  const applications = useQuery(fundApplicationsQueryOptions(item.id));
  const [paying, setPaying] = useState<FundApplication | null>(null);

  return (
    <Stack gap="md">
      {applications.isPending && <PageLoader label="Loading applications" />}
      {applications.isError && (
        <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
      )}
      {applications.isSuccess && applications.data.items.length === 0 && (
        <Text>No applications to the Personalisation Fund yet.</Text>
      )}
      {applications.isSuccess && applications.data.items.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label="Fund applications"
        >
          {applications.data.items.map((application) => (
            <FundApplicationCard
              key={application.id}
              application={application}
              canDecide={can('fund:decide')}
              onMarkPaid={() => setPaying(application)}
            />
          ))}
        </Stack>
      )}
      {can('fund:apply') && <FundApplicationForm caseId={item.id} />}
      {paying && <MarkPaidModal application={paying} onClose={() => setPaying(null)} />}
    </Stack>
  );
}

function FundApplicationCard({
  application,
  canDecide,
  onMarkPaid,
}: {
  application: FundApplication;
  canDecide: boolean;
  onMarkPaid: () => void;
}) {
  const queryClient = useQueryClient();
  const category = fundCategoryLabels[application.category];
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'declined') =>
      api.post(`/api/fund-applications/${application.id}/decision`, { decision }),
    onSuccess: async (_result, decision) => {
      await queryClient.invalidateQueries({
        queryKey: fundApplicationsQueryOptions(application.caseId).queryKey,
      });
      notifications.show({
        color: 'green',
        message: `${formatPence(application.amountPence)} for ${category.toLowerCase()} ${decision}.`,
      });
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        message: error instanceof Error ? error.message : 'The decision was not saved. Try again.',
      }),
  });

  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Title order={4} size="h5">
          {formatPence(application.amountPence)} for {category.toLowerCase()}
        </Title>
        <Badge variant="light" color={statusColours[application.status]} c="dark.9" tt="none" size="lg">
          {application.paidOn
            ? `Paid on ${formatIsoDate(application.paidOn)}`
            : statusLabels[application.status]}
        </Badge>
      </Group>
      <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {application.reason}
      </Text>
      <Text size="sm" c="gray.7" mt={4}>
        Applied on {formatDate(application.appliedAt)}
        {application.appliedBy && ` by ${application.appliedBy.name}`}
        {application.decidedAt &&
          `. ${application.status === 'declined' ? 'Declined' : 'Approved'} on ${formatDate(application.decidedAt)}${
            application.decidedBy ? ` by ${application.decidedBy.name}` : ''
          }`}
        .
      </Text>
      {canDecide && application.status === 'pending' && (
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            loading={decide.isPending && decide.variables === 'approved'}
            onClick={() => decide.mutate('approved')}
          >
            Approve
            <VisuallyHidden>
              {' '}
              {formatPence(application.amountPence)} for {category.toLowerCase()}
            </VisuallyHidden>
          </Button>
          <Button
            size="xs"
            variant="outline"
            color="red"
            loading={decide.isPending && decide.variables === 'declined'}
            onClick={() => decide.mutate('declined')}
          >
            Decline
            <VisuallyHidden>
              {' '}
              {formatPence(application.amountPence)} for {category.toLowerCase()}
            </VisuallyHidden>
          </Button>
        </Group>
      )}
      {canDecide && application.status === 'approved' && !application.paidOn && (
        <Button size="xs" variant="outline" mt="sm" onClick={onMarkPaid}>
          Mark as paid
          <VisuallyHidden>
            {' '}
            {formatPence(application.amountPence)} for {category.toLowerCase()}
          </VisuallyHidden>
        </Button>
      )}
    </Paper>
  );
}

/** `amountPence` holds what was typed (pounds, like 125.50); it is named as the API names it so errors land here. */
type ApplyValues = { category: FundCategory | ''; amountPence: string; reason: string };
const applyFieldIds = { category: 'fund-category', amountPence: 'fund-amount', reason: 'fund-reason' };

function FundApplicationForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const form = useForm<ApplyValues>({
    mode: 'controlled',
    initialValues: { category: '', amountPence: '', reason: '' },
    validate: {
      category: (value) => (value ? null : 'Choose what the money is for'),
      amountPence: (value) => {
        if (!value.trim()) return 'Enter the amount';
        const pence = parsePounds(value);
        if (pence === undefined) return 'Enter the amount in pounds and pence, like 125.50';
        if (pence < 1) return 'Enter an amount above zero';
        return pence > 10_000_000 ? 'Enter an amount up to £100,000' : null;
      },
      reason: (value) => {
        if (!value.trim()) return 'Say what the money is for';
        return value.trim().length > 1000 ? 'Keep the reason under 1,000 characters' : null;
      },
    },
  });
  const problems = useFormProblems(form, applyFieldIds);
  const apply = useMutation({
    mutationFn: (values: ApplyValues) =>
      api.post<FundApplication>(`/api/cases/${caseId}/fund-applications`, {
        category: values.category,
        amountPence: parsePounds(values.amountPence),
        reason: values.reason.trim(),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: fundApplicationsQueryOptions(caseId).queryKey });
      form.reset();
      notifications.show({
        color: 'green',
        message: `Application for ${formatPence(saved.amountPence)} sent for a decision.`,
      });
    },
    onError: problems.onApiError,
  });

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Apply to the fund
      </Title>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => apply.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="md" maw={480}>
          <NativeSelect
            id={applyFieldIds.category}
            label="What the money is for"
            data={[
              { value: '', label: 'Choose a category' },
              ...fundCategories.map((value) => ({ value, label: fundCategoryLabels[value] })),
            ]}
            {...form.getInputProps('category')}
          />
          <TextInput
            id={applyFieldIds.amountPence}
            label="Amount"
            description="In pounds, like 125.50."
            inputMode="decimal"
            leftSection={<span aria-hidden="true">£</span>}
            w={200}
            {...form.getInputProps('amountPence')}
          />
          <Textarea
            id={applyFieldIds.reason}
            label="Why the person needs it"
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <div>
            <Button type="submit" loading={apply.isPending}>
              Send application
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

const paidFieldIds = { paidOn: 'fund-paid-on' };

function MarkPaidModal({ application, onClose }: { application: FundApplication; onClose: () => void }) {
  const queryClient = useQueryClient();
  const today = todayIsoDate();
  const form = useForm({
    mode: 'controlled',
    initialValues: { paidOn: today },
    validate: {
      paidOn: (value) => {
        if (!value) return 'Enter the date it was paid';
        return value > today ? 'Enter a date that is not in the future' : null;
      },
    },
  });
  const problems = useFormProblems(form, paidFieldIds);
  const markPaid = useMutation({
    mutationFn: (paidOn: string) => api.post(`/api/fund-applications/${application.id}/payment`, { paidOn }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: fundApplicationsQueryOptions(application.caseId).queryKey,
      });
      notifications.show({
        color: 'green',
        message: `${formatPence(application.amountPence)} marked as paid.`,
      });
      onClose();
    },
    onError: problems.onApiError,
  });
  return (
    <Modal opened onClose={onClose} title={`Mark ${formatPence(application.amountPence)} as paid`}>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => markPaid.mutate(values.paidOn), problems.onValidationFailure)}
      >
        <Stack gap="md">
          <TextInput
            id={paidFieldIds.paidOn}
            label="Date paid"
            type="date"
            max={today}
            w={200}
            {...form.getInputProps('paidOn')}
          />
          <Group>
            <Button type="submit" loading={markPaid.isPending}>
              Mark as paid
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
