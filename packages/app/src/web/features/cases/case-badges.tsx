import { Badge, Group } from '@mantine/core';
import { caseStatusLabels, engagementLabels } from '../../../contract/case-codes.ts';
import type { CaseSummary } from '../../../contract/cases.ts';
import { engagementColours, statusColours } from './case-format.ts';

/**
 * Status and engagement, in words (the colour only repeats what the words say); the text stays dark
 * on every tint so it keeps AA contrast.
 */
export function CaseBadges({ item }: { item: Pick<CaseSummary, 'status' | 'engagement'> }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Badge variant="light" color={statusColours[item.status]} c="dark.9" size="lg" tt="none">
        {caseStatusLabels[item.status]}
      </Badge>
      <Badge variant="outline" color={engagementColours[item.engagement]} c="dark.9" size="lg" tt="none">
        {engagementLabels[item.engagement]}
      </Badge>
    </Group>
  );
}
