import { Group, NativeSelect, TextInput } from '@mantine/core';
import { roleLabels, roles } from '../../../contract/roles.ts';
import type { UserFilters as Filters } from './users-query.ts';

type UserFiltersProps = {
  sites: { id: string; name: string }[];
  siteId: string;
  role: string;
  search: string;
  onChange: (change: Partial<Omit<Filters, 'page'>>) => void;
};

export function UserFilters({ sites, siteId, role, search, onChange }: UserFiltersProps) {
  return (
    <search aria-label="Filter users">
      <Group align="flex-end" gap="sm" mb="md" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          id="users-search"
          label="Search by name or e-mail (optional)"
          type="search"
          value={search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
          miw={220}
        />
        <NativeSelect
          id="users-site"
          label="Site"
          value={siteId}
          onChange={(event) => onChange({ siteId: event.currentTarget.value })}
          data={[
            { value: '', label: 'All sites' },
            ...sites.map((site) => ({ value: site.id, label: site.name })),
          ]}
          miw={160}
        />
        <NativeSelect
          id="users-role"
          label="Role"
          value={role}
          onChange={(event) => onChange({ role: event.currentTarget.value as Filters['role'] })}
          data={[
            { value: '', label: 'All roles' },
            ...roles.map((value) => ({ value, label: roleLabels[value] })),
          ]}
          miw={160}
        />
      </Group>
    </search>
  );
}
