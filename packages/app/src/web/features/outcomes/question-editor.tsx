import {
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { useForm } from '@mantine/form';
import {
  contributionAnswerKeys,
  contributionAnswerLabels,
  counterfactualAnswerKeys,
  counterfactualAnswerLabels,
} from '../../../contract/outcomes.ts';
import {
  type InstrumentDraft,
  type ItemType,
  indicatorChoices,
  itemTypeLabels,
  itemTypes,
  withType,
} from './instrument-form.ts';

/** The editor's form (Mantine's own return type does not resolve under NodeNext). */
export type InstrumentForm = ReturnType<typeof useForm<InstrumentDraft>>;

type QuestionEditorProps = {
  form: InstrumentForm;
  index: number;
};

/** The fields of one question: those every question has, then those of its type. */
export function QuestionEditor({ form, index }: QuestionEditorProps) {
  const item = form.values.items[index];
  if (!item) return null;
  const path = `items.${index}`;
  const id = (field: string) => `${item.uid}-${field}`;
  const isIndicator = item.type === 'scale' || item.type === 'ordered';

  return (
    <Stack gap="sm">
      <NativeSelect
        id={id('type')}
        label="Type of question"
        value={item.type}
        data={itemTypes.map((t) => ({ value: t, label: itemTypeLabels[t] }))}
        onChange={(event) =>
          form.setFieldValue(path as `items.${number}`, withType(item, event.currentTarget.value as ItemType))
        }
      />
      <Textarea
        id={id('text')}
        label="Question"
        autosize
        minRows={2}
        {...form.getInputProps(`${path}.text`)}
      />
      <TextInput
        id={id('key')}
        label="Key"
        description="Names the answers in analysis and exports: lower-case letters, digits and underscores, starting with a letter"
        autoCapitalize="none"
        spellCheck={false}
        {...form.getInputProps(`${path}.key`)}
      />
      <Textarea
        id={id('help')}
        label="Hint (optional)"
        description="Shown under the question"
        autosize
        minRows={1}
        {...form.getInputProps(`${path}.help`)}
      />
      <Checkbox
        label="An answer is needed before the survey can be sent"
        {...form.getInputProps(`${path}.isRequired`, { type: 'checkbox' })}
      />

      {item.type === 'scale' && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput id={id('minLabel')} label="Label for 0" {...form.getInputProps(`${path}.minLabel`)} />
            <TextInput id={id('maxLabel')} label="Label for 10" {...form.getInputProps(`${path}.maxLabel`)} />
          </SimpleGrid>
          <Checkbox
            label="Reverse-scored: a higher answer is worse (the question is negatively worded)"
            {...form.getInputProps(`${path}.isReverseKeyed`, { type: 'checkbox' })}
          />
        </>
      )}

      {item.type === 'ordered' && (
        <>
          <Textarea
            id={id('ranks')}
            label="Ranked answers, worst first, one per line"
            autosize
            minRows={3}
            {...form.getInputProps(`${path}.ranks`)}
          />
          <Textarea
            id={id('unranked')}
            label="Answers outside the ranks, one per line (optional)"
            description="Allowed, but not counted as better or worse: for example “I would prefer not to say”"
            autosize
            minRows={1}
            {...form.getInputProps(`${path}.unranked`)}
          />
        </>
      )}

      {isIndicator && (
        <>
          <TextInput
            id={id('outcomeArea')}
            label="Outcome area (optional)"
            description="How the analysis names this indicator, for example “Resilience”"
            {...form.getInputProps(`${path}.outcomeArea`)}
          />
          <Checkbox
            label="Ask about before the service too (a retrospective before and now pair)"
            {...form.getInputProps(`${path}.isRetrospective`, { type: 'checkbox' })}
          />
          {item.isRetrospective && (
            <Textarea
              id={id('beforeText')}
              label="Wording for before the service (optional)"
              description="Left empty, people see “Before the service:” and then the question"
              autosize
              minRows={1}
              {...form.getInputProps(`${path}.beforeText`)}
            />
          )}
        </>
      )}

      {(item.type === 'single_choice' || item.type === 'multiple_choice') && (
        <Textarea
          id={id('options')}
          label="Options, one per line"
          autosize
          minRows={3}
          {...form.getInputProps(`${path}.options`)}
        />
      )}

      {item.type === 'number' && (
        <>
          <SimpleGrid cols={2}>
            <NumberInput id={id('min')} label="Lowest allowed" {...form.getInputProps(`${path}.min`)} />
            <NumberInput id={id('max')} label="Highest allowed" {...form.getInputProps(`${path}.max`)} />
          </SimpleGrid>
          <Checkbox
            label="Whole numbers only"
            {...form.getInputProps(`${path}.isWhole`, { type: 'checkbox' })}
          />
        </>
      )}

      {item.type === 'free_text' && (
        <NumberInput
          id={id('maxLength')}
          label="Longest answer (characters)"
          min={1}
          max={5000}
          allowDecimal={false}
          {...form.getInputProps(`${path}.maxLength`)}
        />
      )}

      {(item.type === 'attribution' || item.type === 'counterfactual') && (
        <IndicatorLinks form={form} index={index} />
      )}
      {item.type === 'attribution' && (
        <Text size="sm">
          People answer: {contributionAnswerKeys.map((k) => contributionAnswerLabels[k]).join(', ')}. “No
          change” is left out of the contribution.
        </Text>
      )}
      {item.type === 'counterfactual' && (
        <Fieldset legend="Deadweight: the share of the change that would have happened anyway, for each answer">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
            {counterfactualAnswerKeys.map((answer) => (
              <NumberInput
                key={answer}
                id={id(`deadweight-${answer}`)}
                label={counterfactualAnswerLabels[answer]}
                suffix="%"
                min={0}
                max={100}
                decimalScale={2}
                {...form.getInputProps(`${path}.deadweightMapping.${answer}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      )}
    </Stack>
  );
}

/** Which 0–10 or ordered questions an attribution or counterfactual question is about. */
function IndicatorLinks({ form, index }: QuestionEditorProps) {
  const item = form.values.items[index];
  if (!item) return null;
  const choices = indicatorChoices(form.values.items);
  const path = `items.${index}.indicatorKeys`;
  const error = form.errors[path];
  const isCounterfactual = item.type === 'counterfactual';
  return (
    <div id={`${item.uid}-indicatorKeys`} tabIndex={-1}>
      {choices.length === 0 ? (
        <Text size="sm" c={error ? 'red.9' : undefined}>
          {error ? `${error} ` : ''}Add a 0 to 10 or ordered question first: this question is about one of
          them.
        </Text>
      ) : (
        <Checkbox.Group
          label={
            isCounterfactual
              ? 'Which questions is this about? (none ticked: every 0 to 10 and ordered question)'
              : 'Which questions is this about?'
          }
          value={item.indicatorKeys}
          onChange={(keys) => form.setFieldValue(path as `items.${number}.indicatorKeys`, keys)}
          error={error}
        >
          <Stack gap="xs" mt="xs">
            {choices.map((c) => (
              <Checkbox key={c.key} value={c.key} label={`${c.label} (${c.key})`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </div>
  );
}
