import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ContactType, contactTypeLabels, contactTypes } from '../../../contract/case-codes.ts';
import type { CaseCheckIns, CheckInAlert } from '../../../contract/check-ins.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api } from '../../lib/api-client.ts';
import { useFormProblems } from '../../lib/form-problems.ts';
import { alertKindText, alertReasonText, colourBadges, when } from './check-in-format.ts';

const queryKeyOf = (caseId: string) => ['cases', caseId, 'check-ins'];

/** A case's daily check-ins: the person's agreement, alerts to follow up, and the history. */
export function CheckInsSection({ caseId, isOpen }: { caseId: string; isOpen: boolean }) {
  const checkIns = useQuery({
    queryKey: queryKeyOf(caseId),
    queryFn: () => api.get<CaseCheckIns>(`/api/cases/${caseId}/check-ins`),
  });
  if (checkIns.isPending) return <PageLoader label="Loading check-ins" />;
  if (checkIns.isError) return <QueryError error={checkIns.error} onRetry={() => void checkIns.refetch()} />;
  const { enrolment, history, alerts } = checkIns.data;
  const open = alerts.filter((alert) => !alert.followedUpAt);
  return (
    <Stack gap="lg">
      {enrolment ? (
        <Paper withBorder p="md">
          <Text fw={600}>
            {enrolment.status === 'active'
              ? `Checking in daily at ${enrolment.times.join(', ')} on ${enrolment.phone}.`
              : `Stopped ${when(enrolment.optedOutAt)} (${enrolment.optedOutVia === 'worker' ? 'recorded by a worker' : `by ${enrolment.optedOutVia === 'sms' ? 'text' : 'the link'}`}).`}
          </Text>
          <Text size="sm" mt={4}>
            Consent recorded {when(enrolment.consent.recordedAt)}
            {enrolment.consent.recordedBy && ` by ${enrolment.consent.recordedBy.name}`}: “
            {enrolment.consent.statement}”
          </Text>
          <Text size="sm" mt={4}>
            Message for a green day: “{enrolment.encouragement}”
          </Text>
          {enrolment.status === 'active' && <OptOutButton caseId={caseId} />}
        </Paper>
      ) : (
        <Text>This person does not check in daily.</Text>
      )}
      {open.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="check-in-alerts-heading">
          <Title order={3} size="h4" id="check-in-alerts-heading">
            To follow up
          </Title>
          {open.map((alert) => (
            <FollowUpCard key={alert.id} caseId={caseId} alert={alert} />
          ))}
        </Stack>
      )}
      {isOpen && <EnrolForm caseId={caseId} current={enrolment} />}
      <section aria-labelledby="check-in-history-heading">
        <Title order={3} size="h4" id="check-in-history-heading" mb="xs">
          Last 60 days
        </Title>
        {history.length === 0 ? (
          <Text>No check-ins yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Sent for</Table.Th>
                  <Table.Th scope="col">Answer</Table.Th>
                  <Table.Th scope="col">Notes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{when(entry.scheduledFor)}</Table.Td>
                    <Table.Td>
                      {entry.answer ? (
                        <Badge
                          color={colourBadges[entry.answer].color}
                          c={colourBadges[entry.answer].textColor}
                          tt="none"
                          size="lg"
                          variant="filled"
                        >
                          {colourBadges[entry.answer].label}
                        </Badge>
                      ) : entry.isUnanswered ? (
                        'No reply'
                      ) : (
                        'Waiting'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {[
                        entry.answeredVia &&
                          `By ${entry.answeredVia === 'sms' ? 'text' : 'link'} ${when(entry.answeredAt)}`,
                        entry.countsAsRed && 'Third amber in a row: treated as red',
                        entry.nudgedAt && `Reminder sent ${when(entry.nudgedAt)}`,
                      ]
                        .filter(Boolean)
                        .join('. ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}

function OptOutButton({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const stop = useMutation({
    mutationFn: () => api.post(`/api/cases/${caseId}/check-ins/opt-out`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeyOf(caseId) });
      notifications.show({
        color: 'green',
        message: 'Check-ins stopped. The person was sent a text saying so.',
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Button variant="outline" color="red" mt="sm" onClick={() => stop.mutate()} loading={stop.isPending}>
      Stop check-ins (the person asked)
    </Button>
  );
}

function FollowUpCard({ caseId, alert }: { caseId: string; alert: CheckInAlert }) {
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { type: 'telephone' as ContactType, note: '' } });
  const problems = useFormProblems(form, {
    type: `follow-up-type-${alert.id}`,
    note: `follow-up-note-${alert.id}`,
  });
  const save = useMutation({
    mutationFn: (values: { type: ContactType; note: string }) =>
      api.post(`/api/check-in-alerts/${alert.id}/follow-up`, {
        type: values.type,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cases', caseId] });
      notifications.show({ color: 'green', message: 'Follow-up logged as a contact.' });
    },
    onError: problems.onApiError,
  });
  const isOverdue = new Date(alert.dueBy).getTime() < Date.now();
  return (
    <Paper withBorder p="md">
      <Text fw={700}>
        {alertKindText[alert.kind]}
        {alertReasonText(alert.reason) && ` (${alertReasonText(alert.reason)})`}: respond by{' '}
        {when(alert.dueBy)}
        {isOverdue && ' – overdue'}
      </Text>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Group align="flex-end" mt="sm" gap="sm">
          <NativeSelect
            id={`follow-up-type-${alert.id}`}
            label="How you followed up"
            data={contactTypes.map((type) => ({ value: type, label: contactTypeLabels[type] }))}
            {...form.getInputProps('type')}
          />
          <Textarea
            id={`follow-up-note-${alert.id}`}
            label="Note (optional)"
            autosize
            minRows={1}
            style={{ flex: 1, minWidth: 200 }}
            {...form.getInputProps('note')}
          />
          <Button type="submit" loading={save.isPending}>
            Log follow-up
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

type EnrolValues = { phone: string; times: string; encouragement: string; consent: string };
const enrolFieldIds = {
  phone: 'check-in-phone',
  times: 'check-in-times',
  encouragement: 'check-in-encouragement',
  consent: 'check-in-consent',
};

function EnrolForm({ caseId, current }: { caseId: string; current: CaseCheckIns['enrolment'] }) {
  const queryClient = useQueryClient();
  const form = useForm<EnrolValues>({
    mode: 'controlled',
    initialValues: {
      phone: current?.phone ?? '',
      times: current?.times.join(', ') ?? '09:00',
      encouragement: current?.encouragement ?? '',
      consent: '',
    },
    validate: {
      phone: (value) => (value.trim() ? null : 'Enter a UK mobile number, like 07700 900123'),
      times: (value) =>
        value
          .split(',')
          .map((t) => t.trim())
          .every((t) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(t))
          ? null
          : 'Enter times of day as HH:MM, separated by commas, like 09:00, 18:30',
      encouragement: (value) => (value.trim() ? null : 'Enter the message the person wrote for a good day'),
      consent: (value) => (value.trim().length >= 10 ? null : 'Say what the person agreed to, in a sentence'),
    },
  });
  const problems = useFormProblems(form, enrolFieldIds);
  const save = useMutation({
    mutationFn: (values: EnrolValues) =>
      api.put(`/api/cases/${caseId}/check-ins/enrolment`, {
        phone: values.phone,
        times: values.times.split(',').map((t) => t.trim()),
        encouragement: values.encouragement,
        consent: { statement: values.consent },
      }),
    onSuccess: async () => {
      form.setFieldValue('consent', '');
      await queryClient.invalidateQueries({ queryKey: queryKeyOf(caseId) });
      notifications.show({ color: 'green', message: 'Check-ins saved, with the consent you recorded.' });
    },
    onError: problems.onApiError,
  });
  return (
    <section aria-labelledby="check-in-enrol-heading">
      <Title order={3} size="h4" id="check-in-enrol-heading" mb="xs">
        {current?.status === 'active' ? 'Change check-ins' : 'Start daily check-ins'}
      </Title>
      <ErrorSummary {...problems.summary} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate(values), problems.onValidationFailure)}
      >
        <Stack gap="sm" maw={560}>
          <TextInput
            id={enrolFieldIds.phone}
            label="Mobile number"
            description="Only the case’s workers and coordinators see it"
            inputMode="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
          <TextInput
            id={enrolFieldIds.times}
            label="Times of day"
            description="Up to three, UK time, like 09:00, 18:30"
            {...form.getInputProps('times')}
          />
          <Textarea
            id={enrolFieldIds.encouragement}
            label="Message for a green day"
            description="Written with the person, in their words; sent when they answer 1"
            autosize
            minRows={2}
            {...form.getInputProps('encouragement')}
          />
          <Textarea
            id={enrolFieldIds.consent}
            label="What the person agreed to"
            description="Recorded with your name and the time, each time you save"
            autosize
            minRows={2}
            {...form.getInputProps('consent')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              Save and record consent
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
