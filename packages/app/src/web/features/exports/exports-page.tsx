import { PageHeading } from '../../components/page-heading.tsx';

export function ExportsPage() {
  return <PageHeading title="Exports" />;
}
