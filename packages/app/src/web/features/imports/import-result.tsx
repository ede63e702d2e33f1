import { Alert, List, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import type { MdsImportCounts } from '../../../contract/imports.ts';

const count = (n: number) => n.toLocaleString('en-GB');
const cases = (n: number) => `${count(n)} ${n === 1 ? 'case' : 'cases'}`;
const contacts = (n: number) => `${count(n)} ${n === 1 ? 'contact' : 'contacts'}`;

/** What a finished import did, in words; it takes focus so a screen reader user hears it. */
export function ImportResult({
  counts,
  siteName,
  attempt,
  children,
}: {
  counts: MdsImportCounts;
  siteName: string;
  attempt: number;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per finished import
  useEffect(() => ref.current?.focus(), [attempt]);
  const { referrals, contacts: contactCounts } = counts;
  const isNothingForSite = referrals.created + referrals.updated + referrals.unchanged === 0;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color={isNothingForSite ? 'yellow' : 'green'}
      variant="outline"
      mt="xl"
      maw={720}
      aria-labelledby="import-result-heading"
      // Let long lines wrap inside the alert rather than widen it past a phone's screen.
      styles={{ body: { minWidth: 0, overflowWrap: 'anywhere' } }}
      title={
        <Title order={2} size="h4" id="import-result-heading" c="gray.9">
          {isNothingForSite
            ? `No rows were for ${siteName || 'this site'}`
            : 'The data set has been imported'}
        </Title>
      }
    >
      <List spacing={4} mb="sm" aria-label="Referrals">
        <List.Item>{cases(referrals.created)} added</List.Item>
        <List.Item>{cases(referrals.updated)} updated</List.Item>
        <List.Item>{cases(referrals.unchanged)} already up to date</List.Item>
        <List.Item>{`${count(referrals.skippedOtherSite)} referral ${referrals.skippedOtherSite === 1 ? 'row' : 'rows'} for other sites skipped`}</List.Item>
      </List>
      <List spacing={4} mb="sm" aria-label="Contacts">
        <List.Item>{contacts(contactCounts.created)} added</List.Item>
        <List.Item>{contacts(contactCounts.unchanged)} already imported</List.Item>
        <List.Item>{`${contacts(contactCounts.skippedOtherSite)} of other sites’ cases skipped`}</List.Item>
      </List>
      {children}
    </Alert>
  );
}
