import { WebinarList } from '@/features/webinars/components/WebinarList';
import { useDocumentTitle } from './use-document-title';

export function HomePage() {
  useDocumentTitle('Webinars');
  return <WebinarList />;
}
