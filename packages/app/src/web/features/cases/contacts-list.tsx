import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { contactTypeLabels, otherContactKindLabels } from '../../../contract/case-codes.ts';
import type { Contact } from '../../../contract/cases.ts';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { contactOutcomeLabels, plural } from './case-format.ts';
import { contactsQueryOptions } from './cases-query.ts';

function contactKind(contact: Contact): string {
  const type = contactTypeLabels[contact.type];
  return contact.type === 'other' && contact.otherKind
    ? `${type}: ${otherContactKindLabels[contact.otherKind].toLowerCase()}`
    : type;
}

/** The case's contacts, newest first; notes only for people allowed to read them. */
export function ContactsList({ caseId, headingId }: { caseId: string; headingId: string }) {
  const contacts = useQuery(contactsQueryOptions(caseId));
  if (contacts.isPending) return <PageLoader label="Loading contacts" />;
  if (contacts.isError) return <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  const items = [...contacts.data.items].sort((a, b) => b.contactedAt.localeCompare(a.contactedAt));
  if (items.length === 0) return <Text>No contacts recorded yet.</Text>;

  return (
    <>
      <Text mb="sm">{plural(contacts.data.total, 'contact', 'contacts')}, newest first.</Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
        {items.map((contact) => (
          <Paper component="li" key={contact.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <Text fw={700}>{formatDateTime(contact.contactedAt)}</Text>
              <Badge
                variant={contact.outcome === 'made' ? 'light' : 'outline'}
                color={contact.outcome === 'made' ? 'green' : 'gray'}
                c="dark.9"
                tt="none"
                size="lg"
              >
                {contactOutcomeLabels[contact.outcome]}
              </Badge>
            </Group>
            <Text>
              {contactKind(contact)}
              {contact.durationMinutes !== null &&
                `, ${plural(contact.durationMinutes, 'minute', 'minutes')}`}
            </Text>
            <Text size="sm" c="gray.7">
              {contact.madeBy ? `By ${contact.madeBy.name}` : 'Made by someone no longer recorded'}
            </Text>
            {typeof contact.note === 'string' && contact.note.length > 0 ? (
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {contact.note}
              </Text>
            ) : (
              contact.hasNote &&
              !contact.note && (
                <Text mt="xs" size="sm" c="gray.7">
                  There is a note. Your role does not show contact notes.
                </Text>
              )
            )}
          </Paper>
        ))}
      </Stack>
    </>
  );
}
