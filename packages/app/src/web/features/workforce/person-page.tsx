import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Fragment, type ReactNode, useState } from 'react';
import type { WorkforceDetail } from '../../../contract/workforce.ts';
import {
  dbsLevelLabels,
  dbsLevels,
  leftDestinationLabels,
  workforceRoleLabels,
  workforceStatusLabels,
} from '../../../contract/workforce-codes.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import { useCan, useMe } from '../auth/me-query.ts';
import { complexityLabels, formatIsoDate, plural, todayIsoDate } from '../cases/case-format.ts';
import { RouterAnchor, RouterButton } from '../cases/case-link.tsx';
import { LoneWorkingForm } from './lone-working-form.tsx';
import { RoleChangeForm } from './role-change-form.tsx';
import { StatusChangeForm } from './status-change-form.tsx';
import { SupervisionForm } from './supervision-form.tsx';
import { WellbeingPlanForm } from './wellbeing-plan-form.tsx';
import {
  avoidCaseKindLabels,
  dbsStateLabels,
  hoursText,
  livedExperienceLabels,
  supervisionText,
  timeLimitText,
} from './workforce-format.ts';

export function PersonPage() {
  const { memberId } = useParams({ strict: false }) as { memberId: string };
  const person = useQuery({
    queryKey: ['workforce', 'person', memberId],
    queryFn: () => api.get<WorkforceDetail>(`/api/workforce/${memberId}`),
  });
  const can = useCan();
  if (person.isPending) return <PageLoader label="Loading the person" />;
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  return (
    <>
      <PageHeading title={p.displayName} />
      <Text mb="md">
        {workforceRoleLabels[p.role]} · {workforceStatusLabels[p.status]} · {timeLimitText(p.timeLimit)}
      </Text>
      {can('workforce:manage') && (
        <RouterButton to="/workforce/$memberId/edit" params={{ memberId: p.id }} variant="outline" mb="md">
          Edit profile
        </RouterButton>
      )}
      <Tabs defaultValue="progression">
        <Tabs.List>
          <Tabs.Tab value="progression">Progression</Tabs.Tab>
          <Tabs.Tab value="profile">Profile</Tabs.Tab>
          <Tabs.Tab value="safety">Safety checks</Tabs.Tab>
          <Tabs.Tab value="supervision">Supervision</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="progression" pt="md">
          <Progression person={p} />
          {can('workforce:manage') && <ProgressionChanges person={p} />}
        </Tabs.Panel>
        <Tabs.Panel value="profile" pt="md">
          <Profile person={p} />
        </Tabs.Panel>
        <Tabs.Panel value="safety" pt="md">
          <Safety person={p} />
          {can('safety_checks:manage') && (
            <Section title="Lone working">
              <LoneWorkingForm person={p} />
            </Section>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="supervision" pt="md">
          <Supervision person={p} />
          <PrivateRecords person={p} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Progression({ person: p }: { person: WorkforceDetail }) {
  return (
    <Stack>
      <Text>
        <strong>Next step:</strong> {p.nextStep ?? 'None recorded'}
        {p.nextStepTargetOn && ` by ${formatIsoDate(p.nextStepTargetOn)}`}
      </Text>
      {p.timeLimit && p.timeLimit.state !== 'ok' && (
        <Alert color={p.timeLimit.state === 'over' ? 'red' : 'orange'} title="Time limit">
          The {p.timeLimit.clock === 'volunteer' ? 'volunteering' : 'paid peer'} limit of{' '}
          {p.timeLimit.monthsMax} months is reached on {formatIsoDate(p.timeLimit.limitOn)}. Plan the next
          step.
        </Alert>
      )}
      <Text>
        <strong>Hours:</strong> {hoursText(p.hours)}; {p.pendingHours} entries waiting for approval.
      </Text>
      {p.internReadiness && (
        <Text>
          <strong>Ready to become an intern:</strong>{' '}
          {p.internReadiness.isReady ? 'Yes' : p.internReadiness.missing.join(' ')}
        </Text>
      )}
      <Table>
        <Table.Caption>Roles held (time paused does not count towards a limit)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">To</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.roleHistory.map((h) => (
            <Table.Tr key={`${h.role}-${h.startedOn}`}>
              <Table.Td>{workforceRoleLabels[h.role]}</Table.Td>
              <Table.Td>{formatIsoDate(h.startedOn)}</Table.Td>
              <Table.Td>{formatIsoDate(h.endedOn, 'Now')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.pauses.length > 0 && (
        <Text>
          Paused:{' '}
          {p.pauses
            .map((x) => `${formatIsoDate(x.startedOn)} to ${formatIsoDate(x.endedOn, 'now')}`)
            .join('; ')}
        </Text>
      )}
      {p.certificates.length > 0 && (
        <List>
          {p.certificates.map((c) => (
            <List.Item key={`${c.courseTitle}-${c.issuedOn}`}>
              {c.courseTitle}: {formatIsoDate(c.issuedOn)}
              {c.renewalDueOn && `, renew by ${formatIsoDate(c.renewalDueOn)}`}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Profile({ person: p }: { person: WorkforceDetail }) {
  const rows: [string, ReactNode][] = [
    ['Languages', p.languages.join(', ') || 'Not recorded'],
    ['Interests', p.interests.join(', ') || 'Not recorded'],
    ['Areas covered', p.areasCovered.join(', ') || 'Not recorded'],
    ['Availability', p.availability ?? 'Not recorded'],
    ['Supervisor', p.supervisor?.name ?? 'None'],
    [
      'Caseload cap',
      p.caseloadCap === null ? 'Their role’s default' : plural(p.caseloadCap, 'case', 'cases'),
    ],
    [
      'Highest complexity they may lead',
      p.maxComplexity ? complexityLabels[p.maxComplexity] : 'Their role’s default',
    ],
    ['Kinds of case to avoid', p.avoidCaseKinds.map((k) => avoidCaseKindLabels[k]).join('; ') || 'None'],
    ['Known associates (never matched)', <KnownAssociates key="associates" person={p} />],
  ];
  if (p.livedExperience !== null)
    rows.push([
      'Lived experience (coordinators only)',
      p.livedExperience.map((l) => livedExperienceLabels[l]).join(', ') || 'None declared',
    ]);
  if (p.status === 'left')
    rows.push([
      'Left',
      `${formatIsoDate(p.leftOn)}: ${p.leftDestination ? leftDestinationLabels[p.leftDestination] : ''}${p.leftReason ? ` — ${p.leftReason}` : ''}`,
    ]);
  return (
    <Table>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Local case IDs linked to each case the reader can see; the rest are only counted. */
function KnownAssociates({ person: p }: { person: WorkforceDetail }) {
  if (p.knownAssociateCaseIds.length === 0) return 'None';
  const hidden = p.knownAssociateCaseIds.length - p.knownAssociates.length;
  return (
    <>
      {p.knownAssociates.map((a, index) => (
        <Fragment key={a.caseId}>
          {index > 0 && ', '}
          <RouterAnchor to="/cases/$caseId" params={{ caseId: a.caseId }}>
            Case {a.localCaseId}
          </RouterAnchor>
        </Fragment>
      ))}
      {hidden > 0 &&
        `${p.knownAssociates.length > 0 ? ', and ' : ''}${plural(hidden, 'case', 'cases')} outside your sites`}
    </>
  );
}

function Safety({ person: p }: { person: WorkforceDetail }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<string>('enhanced');
  const [certificateOn, setCertificateOn] = useState(todayIsoDate());
  const [isOnUpdateService, setOnUpdateService] = useState(false);
  const record = useMutation({
    mutationFn: () =>
      api.post(`/api/workforce/${p.id}/dbs-checks`, { level, certificateOn, isOnUpdateService }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['workforce'] });
      notifications.show({ color: 'green', message: 'DBS check recorded.' });
    },
  });
  const error =
    record.error && isApiError(record.error)
      ? record.error.details.map((d) => d.message).join(' ') || record.error.message
      : null;
  return (
    <Stack>
      <Text>
        <Badge variant="light">{dbsStateLabels[p.dbs.state]}</Badge>{' '}
        {p.dbs.dueOn && `Recheck due ${formatIsoDate(p.dbs.dueOn)}.`}
      </Text>
      <Text>
        <strong>Lone working:</strong> {p.loneWorking.isPermitted ? 'Permitted' : 'Not permitted'}
        {p.loneWorking.reason && ` — ${p.loneWorking.reason}`}
      </Text>
      {p.dbsChecks.length > 0 && (
        <List>
          {p.dbsChecks.map((d) => (
            <List.Item key={d.id}>
              {dbsLevelLabels[d.level]}, certificate {formatIsoDate(d.certificateOn)}
              {d.isOnUpdateService && ', on the update service'}; recheck {formatIsoDate(d.recheckDueOn)}
            </List.Item>
          ))}
        </List>
      )}
      {can('safety_checks:manage') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            record.mutate();
          }}
        >
          <Stack maw={360} gap="sm">
            <NativeSelect
              id="dbs-level"
              label="DBS level"
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value)}
              data={dbsLevels.map((l) => ({ value: l, label: dbsLevelLabels[l] }))}
            />
            <TextInput
              id="dbs-date"
              type="date"
              label="Certificate date"
              value={certificateOn}
              onChange={(e) => setCertificateOn(e.currentTarget.value)}
            />
            <Checkbox
              id="dbs-update"
              label="On the DBS update service"
              checked={isOnUpdateService}
              onChange={(e) => setOnUpdateService(e.currentTarget.checked)}
            />
            {error && (
              <Text c="red.8" role="alert">
                {error}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={record.isPending}>
                Record DBS check
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

type Session = {
  id: string;
  heldOn: string;
  supervisor: { name: string };
  notes: string;
  agreedActions: string | null;
};

function Supervision({ person: p }: { person: WorkforceDetail }) {
  const sessions = useQuery({
    queryKey: ['workforce', 'supervision', p.id],
    queryFn: () => api.get<{ items: Session[] }>(`/api/workforce/${p.id}/supervision`),
    retry: false,
  });
  return (
    <Stack>
      <Text>
        Last held {formatIsoDate(p.supervision.lastHeldOn, 'never')}; {supervisionText(p.supervision)}.
      </Text>
      {sessions.isPending && <PageLoader label="Loading supervision notes" />}
      {sessions.isError &&
        (isApiError(sessions.error, 'not_found') || isApiError(sessions.error, 'forbidden') ? (
          <Text>Session notes are private to {p.displayName} and their supervisor.</Text>
        ) : (
          <QueryError error={sessions.error} />
        ))}
      {sessions.isSuccess &&
        (sessions.data.items.length === 0 ? (
          <Text>No sessions recorded.</Text>
        ) : (
          <List>
            {sessions.data.items.map((s) => (
              <List.Item key={s.id}>
                {formatIsoDate(s.heldOn)} with {s.supervisor.name}: {s.notes}
                {s.agreedActions && ` Agreed: ${s.agreedActions}`}
              </List.Item>
            ))}
          </List>
        ))}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack component="section" gap="sm" mt="xl">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function ProgressionChanges({ person: p }: { person: WorkforceDetail }) {
  return (
    <>
      <Section title="Change status">
        <StatusChangeForm key={p.status} person={p} />
      </Section>
      {p.status !== 'left' && (
        <Section title="Change role">
          <RoleChangeForm key={p.role} person={p} />
        </Section>
      )}
    </>
  );
}

/** Shown only to the person's supervisor: the API keeps these records from everyone else. */
function PrivateRecords({ person: p }: { person: WorkforceDetail }) {
  const me = useMe();
  if (!p.supervisor || p.supervisor.userId !== me.user.id) return null;
  return (
    <>
      <Section title="Record a supervision session">
        <SupervisionForm person={p} />
      </Section>
      <Section title="Wellbeing and relapse-prevention plan">
        <WellbeingPlanForm person={p} />
      </Section>
    </>
  );
}
