import { PageHeading } from '../../components/page-heading.tsx';

export function CasesPage() {
  return <PageHeading title="Cases" />;
}
