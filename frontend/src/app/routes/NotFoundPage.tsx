import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p>
        The link may be wrong or the page was removed. <Link to="/">Browse webinars</Link>
      </p>
    </section>
  );
}
