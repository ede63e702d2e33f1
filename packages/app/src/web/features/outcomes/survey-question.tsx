import { Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  type Answers,
  contributionAnswerKeys,
  contributionAnswerLabels,
  counterfactualAnswerKeys,
  counterfactualAnswerLabels,
} from '../../../contract/outcomes.ts';
import type { SurveyStep } from './survey-steps.ts';

type Value = Answers[string] | undefined;

const choices = (step: SurveyStep): { value: string; label: string }[] => {
  const item = step.item;
  switch (item.type) {
    case 'scale':
      return Array.from({ length: item.max - item.min + 1 }, (_, i) => {
        const n = item.min + i;
        const end = n === item.min ? ` – ${item.minLabel}` : n === item.max ? ` – ${item.maxLabel}` : '';
        return { value: String(n), label: `${n}${end}` };
      });
    case 'ordered':
      return [...item.ranks, ...item.unranked].map((r) => ({ value: r, label: r }));
    case 'single_choice':
      return item.options.map((o) => ({ value: o, label: o }));
    case 'yes_no':
      return [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ];
    case 'attribution':
      return contributionAnswerKeys.map((k) => ({ value: k, label: contributionAnswerLabels[k] }));
    case 'counterfactual':
      return counterfactualAnswerKeys.map((k) => ({ value: k, label: counterfactualAnswerLabels[k] }));
    default:
      return [];
  }
};

/** One question, with the control its type needs; native radios and boxes, so the keyboard works as expected. */
export function SurveyQuestion({
  step,
  value,
  onChange,
  error,
}: {
  step: SurveyStep;
  value: Value;
  onChange: (value: Value) => void;
  error?: string | undefined;
}) {
  const item = step.item;
  const id = `q-${item.key}-${step.part}`;
  const label = (
    <Text component="span" fw={600} size="lg">
      {step.text}
    </Text>
  );
  const description = item.help || undefined;
  if (item.type === 'number')
    return (
      <NumberInput
        id={id}
        label={label}
        description={description}
        error={error}
        min={item.min}
        max={item.max}
        allowDecimal={!item.isWhole}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      />
    );
  if (item.type === 'free_text')
    return (
      <Textarea
        id={id}
        label={label}
        description={description}
        error={error}
        autosize
        minRows={3}
        maxLength={item.maxLength}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  if (item.type === 'multiple_choice')
    return (
      <Checkbox.Group
        id={id}
        label={label}
        description={description}
        error={error}
        value={Array.isArray(value) ? value : []}
        onChange={(v) => onChange(v)}
      >
        <Stack gap="xs" mt="xs">
          {item.options.map((o) => (
            <Checkbox key={o} value={o} label={o} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  const current =
    item.type === 'yes_no'
      ? value === true
        ? 'yes'
        : value === false
          ? 'no'
          : ''
      : value === null || value === undefined
        ? ''
        : String(value);
  return (
    <Radio.Group
      id={id}
      label={label}
      description={description}
      error={error}
      value={current}
      onChange={(v) => onChange(item.type === 'yes_no' ? v === 'yes' : item.type === 'scale' ? Number(v) : v)}
    >
      {item.type === 'scale' ? (
        <Group gap="xs" mt="xs">
          {choices(step).map((c) => (
            <Radio key={c.value} value={c.value} label={c.label} w="100%" />
          ))}
        </Group>
      ) : (
        <Stack gap="xs" mt="xs">
          {choices(step).map((c) => (
            <Radio key={c.value} value={c.value} label={c.label} />
          ))}
        </Stack>
      )}
    </Radio.Group>
  );
}
