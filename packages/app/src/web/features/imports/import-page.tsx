import { PageHeading } from '../../components/page-heading.tsx';

export function ImportPage() {
  return <PageHeading title="Import the NHS England data set" />;
}
