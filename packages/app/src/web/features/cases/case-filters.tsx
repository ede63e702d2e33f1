import { Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { caseStatuses, caseStatusLabels } from '../../../contract/case-codes.ts';
import type { CaseFilters as Filters } from './cases-query.ts';

type CaseFiltersProps = {
  sites: { id: string; name: string }[];
  filters: Omit<Filters, 'page'>;
  onChange: (change: Partial<Omit<Filters, 'page'>>) => void;
};

export function CaseFilters({ sites, filters, onChange }: CaseFiltersProps) {
  return (
    <search aria-label="Filter cases">
      <Group align="flex-end" gap="sm" mb="sm" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          id="cases-search"
          label="Search by case ID or name (optional)"
          type="search"
          value={filters.search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
          miw={220}
        />
        {sites.length > 1 && (
          <NativeSelect
            id="cases-site"
            label="Site"
            value={filters.siteId}
            onChange={(event) => onChange({ siteId: event.currentTarget.value })}
            data={[
              { value: '', label: 'All sites' },
              ...sites.map((site) => ({ value: site.id, label: site.name })),
            ]}
            miw={160}
          />
        )}
        <NativeSelect
          id="cases-status"
          label="Status"
          value={filters.status}
          onChange={(event) => onChange({ status: event.currentTarget.value as Filters['status'] })}
          data={[
            { value: '', label: 'Any status' },
            ...caseStatuses.map((value) => ({ value, label: caseStatusLabels[value] })),
          ]}
          miw={160}
        />
      </Group>
      <Checkbox
        id="cases-mine"
        label="Only cases I work on"
        checked={filters.mine}
        onChange={(event) => onChange({ mine: event.currentTarget.checked })}
        mb="md"
      />
    </search>
  );
}
