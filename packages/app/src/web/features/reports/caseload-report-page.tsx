import { PageHeading } from '../../components/page-heading.tsx';

export function CaseloadReportPage() {
  return <PageHeading title="Caseload report" />;
}
