import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Site } from '../../../contract/sites.ts';
import { NotPermitted } from '../../components/not-permitted.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useCan } from '../auth/me-query.ts';
import { SiteFormModal } from './site-form-modal.tsx';
import { sitesQueryOptions } from './sites-query.ts';

export function SitesPage() {
  const can = useCan();
  if (!can('sites:read')) return <NotPermitted title="Sites" />;
  return <SitesList canManage={can('sites:manage')} />;
}

function SitesList({ canManage }: { canManage: boolean }) {
  const sites = useQuery(sitesQueryOptions);
  const [editing, setEditing] = useState<{ site?: Site } | null>(null);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeading title="Sites" />
        {canManage && <Button onClick={() => setEditing({})}>Add a site</Button>}
      </Group>
      <Text mb="md">
        Every service record belongs to one site. People see the records of the sites they work at.
      </Text>
      {sites.isPending && <PageLoader label="Loading sites" />}
      {sites.isError && <QueryError error={sites.error} onRetry={() => void sites.refetch()} />}
      {sites.isSuccess && sites.data.items.length === 0 && <Text>There are no sites yet.</Text>}
      {sites.isSuccess && sites.data.items.length > 0 && (
        <Table verticalSpacing="sm" striped aria-label="Sites">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Site</Table.Th>
              <Table.Th scope="col">Added</Table.Th>
              {canManage && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.data.items.map((site) => (
              <Table.Tr key={site.id}>
                <Table.Th scope="row" fw={600}>
                  {site.name}
                </Table.Th>
                <Table.Td>{formatDate(site.createdAt)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <Button size="xs" variant="outline" onClick={() => setEditing({ site })}>
                      Rename<VisuallyHidden> {site.name}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <SiteFormModal site={editing.site} onClose={() => setEditing(null)} />}
    </>
  );
}
