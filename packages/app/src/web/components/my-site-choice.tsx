import { NativeSelect, Text } from '@mantine/core';
import type { Me } from '../../contract/me.ts';

/**
 * Which of my sites a page shows: nothing to choose with one site, a select with several, and a
 * plain explanation with none.
 */
export function MySiteChoice({
  id,
  me,
  siteId,
  onChange,
}: {
  id: string;
  me: Me;
  siteId: string;
  onChange: (siteId: string) => void;
}) {
  if (me.sites.length === 0)
    return <Text>You are not linked to any site yet. Ask your organisation admin.</Text>;
  if (me.sites.length === 1) return null;
  return (
    <NativeSelect
      id={id}
      label="Site"
      value={siteId}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={me.sites.map((site) => ({ value: site.id, label: site.name }))}
      maw={320}
      mb="lg"
    />
  );
}
