import { Button, Group, NativeSelect, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type ItemType, itemTypeLabels, itemTypes, moveItem, newItem } from './instrument-form.ts';
import { type InstrumentForm, QuestionEditor } from './question-editor.tsx';

/** Moves focus once React has drawn the change. */
const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

type QuestionListProps = {
  form: InstrumentForm;
  /** Problems are tied to positions, so a move or removal clears them. */
  onReorder: () => void;
};

/**
 * The questions in order, each with buttons to edit, move up, move down and remove it (no dragging),
 * then a way to add one. A question with a problem stays open so its field can be reached.
 */
export function QuestionList({ form, onReorder }: QuestionListProps) {
  const items = form.values.items;
  const [openUids, setOpenUids] = useState<Set<string>>(() => new Set());
  const [newType, setNewType] = useState<ItemType>('scale');
  const [announcement, setAnnouncement] = useState('');
  // A question with a problem opens, so the error summary's link reaches its field.
  const errorFields = Object.keys(form.errors);
  const uidsWithErrors = items
    .filter((_, i) => errorFields.some((field) => field.startsWith(`items.${i}.`)))
    .map((item) => item.uid)
    .join(' ');
  useEffect(() => {
    if (uidsWithErrors !== '') setOpenUids((open) => new Set([...open, ...uidsWithErrors.split(' ')]));
  }, [uidsWithErrors]);

  const toggle = (uid: string) =>
    setOpenUids((open) => {
      const next = new Set(open);
      if (next.has(uid)) next.delete(uid);
      else next.add(uid);
      return next;
    });

  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    const to = index + by;
    onReorder();
    form.setFieldValue('items', moveItem(items, index, by));
    setAnnouncement(
      `Question ${index + 1} moved ${by < 0 ? 'up' : 'down'}: it is now question ${to + 1} of ${items.length}.`,
    );
    // Focus stays on the button pressed, or on the other one when the question reaches an end.
    const isAtEnd = by < 0 ? to === 0 : to === items.length - 1;
    focusSoon(`${item.uid}-${(by < 0) !== isAtEnd ? 'up' : 'down'}`);
  };

  const remove = (index: number) => {
    onReorder();
    const next = items[index + 1] ?? items[index - 1];
    form.removeListItem('items', index);
    setAnnouncement(`Question ${index + 1} removed. Save the draft to keep this change.`);
    focusSoon(next ? `${next.uid}-edit` : 'add-question-type');
  };

  const add = () => {
    const item = newItem(newType, items);
    form.insertListItem('items', item);
    setOpenUids((open) => new Set(open).add(item.uid));
    setAnnouncement(`Question ${items.length + 1} added: ${itemTypeLabels[newType]}.`);
    focusSoon(`${item.uid}-text`);
  };

  return (
    <section aria-labelledby="questions-heading">
      <Title order={2} size="h3" id="questions-heading" tabIndex={-1} mb="sm">
        Questions
      </Title>
      {form.errors.items && (
        <Text c="red.9" mb="sm">
          {form.errors.items}
        </Text>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item, index) => {
          const isOpen = openUids.has(item.uid);
          const name = `question ${index + 1}${item.text.trim() ? `: ${item.text.trim()}` : ''}`;
          return (
            <Paper component="li" key={item.uid} withBorder p="sm">
              <Text fw={600}>
                {index + 1}. {item.text.trim() || 'New question'}
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                {itemTypeLabels[item.type]} · key {item.key || '(none)'}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Button
                  id={`${item.uid}-edit`}
                  size="xs"
                  variant="light"
                  aria-expanded={isOpen}
                  aria-controls={`${item.uid}-fields`}
                  onClick={() => toggle(item.uid)}
                >
                  {isOpen ? 'Close' : 'Edit'} <VisuallyHidden>{name}</VisuallyHidden>
                </Button>
                <Button
                  id={`${item.uid}-up`}
                  size="xs"
                  variant="default"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  Move up <VisuallyHidden>{name}</VisuallyHidden>
                </Button>
                <Button
                  id={`${item.uid}-down`}
                  size="xs"
                  variant="default"
                  disabled={index === items.length - 1}
                  onClick={() => move(index, 1)}
                >
                  Move down <VisuallyHidden>{name}</VisuallyHidden>
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  c="red.9"
                  disabled={items.length === 1}
                  onClick={() => remove(index)}
                >
                  Remove <VisuallyHidden>{name}</VisuallyHidden>
                </Button>
              </Group>
              {isOpen && (
                <div id={`${item.uid}-fields`} style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
                  <QuestionEditor form={form} index={index} />
                </div>
              )}
            </Paper>
          );
        })}
      </Stack>
      <Group align="end" mt="md" wrap="wrap">
        <NativeSelect
          id="add-question-type"
          label="Type of the new question"
          value={newType}
          onChange={(event) => setNewType(event.currentTarget.value as ItemType)}
          data={itemTypes.map((t) => ({ value: t, label: itemTypeLabels[t] }))}
          style={{ maxWidth: '100%' }}
        />
        <Button variant="outline" onClick={add}>
          Add question
        </Button>
      </Group>
    </section>
  );
}
