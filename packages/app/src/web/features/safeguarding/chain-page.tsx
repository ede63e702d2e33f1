import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { type Role, roleLabels, roles } from '../../../contract/roles.ts';
import type { EscalationChain } from '../../../contract/safeguarding.ts';
import type { UserSummary } from '../../../contract/users.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { api, isApiError } from '../../lib/api-client.ts';
import type { ErrorSummaryItem } from '../../lib/form-problems.ts';
import { useCan } from '../auth/me-query.ts';
import { RouterAnchor } from '../cases/case-link.tsx';
import {
  type ChainStepValues,
  chainProblems,
  chainRequestBody,
  maxChainSteps,
  moveStep,
  removeStep,
  type StepField,
  stepFieldId,
  stepValuesOf,
} from './chain-steps.ts';

const chainQueryKey = ['safeguarding', 'chain'] as const;
let nextKey = 0;
const newKey = () => `s${++nextKey}`;

/** The organisation's escalation chain: who a concern goes to, in order, and how long each has. */
export function ChainPage() {
  const can = useCan();
  const chain = useQuery({
    queryKey: chainQueryKey,
    queryFn: () => api.get<EscalationChain>('/api/safeguarding/chain'),
    enabled: can('safeguarding:configure'),
  });
  const users = useQuery({
    queryKey: ['users', 'chain-choices'],
    queryFn: () => api.get<{ items: UserSummary[] }>('/api/users', { limit: 200 }),
    enabled: can('safeguarding:configure') && can('users:read'),
  });
  if (!can('safeguarding:configure')) return <NotPermitted title="Safeguarding chain" />;
  return (
    <Stack gap="lg">
      <PageHeading title="Safeguarding chain" />
      <Text maw={640}>
        A new concern goes to the first step. If nobody there acts before the step’s deadline, it moves on to
        the next. Each step is a role at the concern’s site or one named person. Changes apply to concerns
        raised from now on. <RouterAnchor to="/safeguarding">Back to concerns</RouterAnchor>
      </Text>
      {chain.isPending ? (
        <PageLoader label="Loading the chain" />
      ) : chain.isError ? (
        <QueryError error={chain.error} onRetry={() => void chain.refetch()} />
      ) : (
        <ChainForm chain={chain.data} people={(users.data?.items ?? []).filter((u) => !u.isDisabled)} />
      )}
    </Stack>
  );
}

const fieldOrder: StepField[] = ['label', 'role', 'userId', 'deadlineHours'];

function ChainForm({ chain, people }: { chain: EscalationChain; people: UserSummary[] }) {
  const queryClient = useQueryClient();
  const [steps, setSteps] = useState<ChainStepValues[]>(() =>
    chain.steps.map((s) => stepValuesOf(s, newKey())),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const save = useMutation({
    mutationFn: () => api.put<EscalationChain>('/api/safeguarding/chain', chainRequestBody(steps)),
    onSuccess: (saved) => {
      queryClient.setQueryData(chainQueryKey, saved);
      setErrors({});
      setGeneralError(null);
      notifications.show({ color: 'green', message: 'Safeguarding chain saved.' });
    },
    onError: (error) => {
      const fieldErrors: Record<string, string> = {};
      if (isApiError(error)) for (const d of error.details) fieldErrors[d.field] ??= d.message;
      setErrors(fieldErrors);
      setGeneralError(
        Object.keys(fieldErrors).length > 0
          ? null
          : error instanceof Error
            ? error.message
            : 'Not saved. Try again.',
      );
      setAttempt((n) => n + 1);
    },
  });

  const summary: ErrorSummaryItem[] = [];
  if (errors.steps) summary.push({ message: errors.steps, fieldId: 'chain-add' });
  steps.forEach((s, i) => {
    for (const field of fieldOrder) {
      const message = errors[`steps.${i}.${field}`];
      if (message) summary.push({ message, fieldId: stepFieldId(s.key, field) });
    }
  });
  if (generalError) summary.push({ message: generalError });

  const update = (index: number, patch: Partial<ChainStepValues>) =>
    setSteps((current) => current.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const move = (index: number, by: -1 | 1) => {
    const step = steps[index];
    if (!step) return;
    const next = moveStep(steps, index, by);
    setSteps(next);
    setErrors({});
    const to = index + by;
    setAnnouncement(`${step.label || `Step ${index + 1}`} is now step ${to + 1} of ${next.length}.`);
    // Moving a row in the DOM drops focus: keep it on the same button, or its twin at either end.
    requestAnimationFrame(() => {
      const atEnd = by === -1 ? to === 0 : to === next.length - 1;
      document
        .getElementById(
          `chain-${step.key}-${atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`,
        )
        ?.focus();
    });
  };

  const remove = (index: number) => {
    const step = steps[index];
    const next = removeStep(steps, index);
    setSteps(next);
    setErrors({});
    setAnnouncement(`${step?.label || `Step ${index + 1}`} removed. ${next.length} steps left.`);
    requestAnimationFrame(() => {
      const neighbour = next[Math.min(index, next.length - 1)];
      if (neighbour) document.getElementById(stepFieldId(neighbour.key, 'label'))?.focus();
      else addButton.current?.focus();
    });
  };

  const add = () => {
    const step: ChainStepValues = {
      key: newKey(),
      label: '',
      who: 'role',
      role: '',
      userId: '',
      deadlineHours: '24',
    };
    setSteps((current) => [...current, step]);
    setAnnouncement(`Step ${steps.length + 1} added.`);
    requestAnimationFrame(() => document.getElementById(stepFieldId(step.key, 'label'))?.focus());
  };

  return (
    <>
      <ErrorSummary items={summary} attempt={attempt} />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {chain.isDefault && (
        <Text size="sm">This is Peerpath’s default chain. Saving makes it your organisation’s own.</Text>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problems = chainProblems(steps);
          setErrors(problems);
          setGeneralError(null);
          if (Object.keys(problems).length > 0) {
            setAttempt((n) => n + 1);
            return;
          }
          save.mutate();
        }}
      >
        <Stack gap="md" maw={560}>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {steps.map((s, i) => (
              <StepRow
                key={s.key}
                step={s}
                index={i}
                count={steps.length}
                errors={errors}
                people={people}
                onChange={(patch) => update(i, patch)}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
              />
            ))}
          </Stack>
          {errors.steps && (
            <Text c="red.8" size="sm">
              {errors.steps}
            </Text>
          )}
          <Group>
            <Button
              id="chain-add"
              ref={addButton}
              type="button"
              variant="outline"
              onClick={add}
              disabled={steps.length >= maxChainSteps}
            >
              Add a step
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save chain
            </Button>
          </Group>
          {steps.length >= maxChainSteps && <Text size="sm">A chain has at most {maxChainSteps} steps.</Text>}
        </Stack>
      </form>
    </>
  );
}

function StepRow({
  step,
  index,
  count,
  errors,
  people,
  onChange,
  onMove,
  onRemove,
}: {
  step: ChainStepValues;
  index: number;
  count: number;
  errors: Record<string, string>;
  people: UserSummary[];
  onChange: (patch: Partial<ChainStepValues>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = (field: StepField) => stepFieldId(step.key, field);
  const error = (field: StepField) => errors[`steps.${index}.${field}`];
  const name = step.label.trim() || `step ${index + 1}`;
  const headingId = `chain-${step.key}-heading`;
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={headingId}>
          Step {index + 1} of {count}
        </Title>
        <TextInput
          id={id('label')}
          label="Step name"
          description="For example Safeguarding lead"
          value={step.label}
          error={error('label')}
          onChange={(e) => onChange({ label: e.currentTarget.value })}
        />
        <Radio.Group
          label="Who"
          value={step.who}
          onChange={(value) => onChange({ who: value as 'role' | 'person' })}
        >
          <Group mt={4}>
            <Radio value="role" label="A role at the site" />
            <Radio value="person" label="One named person" />
          </Group>
        </Radio.Group>
        {step.who === 'role' ? (
          <NativeSelect
            id={id('role')}
            label="Role"
            value={step.role}
            error={error('role')}
            onChange={(e) => onChange({ role: e.currentTarget.value as Role | '' })}
            data={[
              { value: '', label: 'Choose a role' },
              ...roles.map((r) => ({ value: r, label: roleLabels[r] })),
            ]}
          />
        ) : (
          <NativeSelect
            id={id('userId')}
            label="Person"
            value={step.userId}
            error={error('userId')}
            onChange={(e) => onChange({ userId: e.currentTarget.value })}
            data={[
              { value: '', label: 'Choose a person' },
              ...people.map((p) => ({
                value: p.id,
                label: `${p.name} (${roleLabels[p.role].toLowerCase()})`,
              })),
            ]}
          />
        )}
        <TextInput
          id={id('deadlineHours')}
          label="Deadline (hours)"
          description="How long this step has to act before the concern moves on"
          inputMode="numeric"
          value={step.deadlineHours}
          error={error('deadlineHours')}
          onChange={(e) => onChange({ deadlineHours: e.currentTarget.value })}
          maw={200}
        />
        <Group gap="xs">
          <Button
            id={`chain-${step.key}-up`}
            type="button"
            size="xs"
            variant="default"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Move up
            <VisuallyHidden>: {name}</VisuallyHidden>
          </Button>
          <Button
            id={`chain-${step.key}-down`}
            type="button"
            size="xs"
            variant="default"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            Move down
            <VisuallyHidden>: {name}</VisuallyHidden>
          </Button>
          <Button
            type="button"
            size="xs"
            variant="outline"
            color="red"
            disabled={count === 1}
            onClick={onRemove}
          >
            Remove
            <VisuallyHidden>: {name}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
