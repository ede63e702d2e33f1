import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { InstrumentDetail } from '../../../contract/outcomes.ts';
import { api } from '../../lib/api-client.ts';
import { contentOf, newItem } from './instrument-form.ts';

/**
 * Starts an instrument from blank: the API takes whole content, and an instrument needs a question,
 * so it starts with one 0 to 10 question to word, then opens the editor.
 */
export function NewInstrumentForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (instrumentName: string) =>
      api.post<InstrumentDetail>('/api/outcomes/instruments', {
        content: contentOf({
          name: instrumentName,
          introduction: '',
          citation: '',
          items: [{ ...newItem('scale'), text: 'How are you feeling today?' }],
        }),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      await navigate({
        to: '/outcomes/instruments/$instrumentId/edit',
        params: { instrumentId: created.id },
      });
    },
    onError: (e) => setError(e.message),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') {
          setError('Enter a name for the new instrument.');
          document.getElementById('new-instrument-name')?.focus();
          return;
        }
        setError(null);
        create.mutate(name.trim());
      }}
    >
      <Group align="start" wrap="wrap">
        <TextInput
          id="new-instrument-name"
          label="Name of a new, blank instrument"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={error}
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit" variant="default" loading={create.isPending} mt={{ base: 0, xs: 24 }}>
          Start from blank
        </Button>
      </Group>
    </form>
  );
}
