import { PageHeading } from '../../components/page-heading.tsx';

export function CaseloadPage() {
  return <PageHeading title="Caseload board" />;
}
