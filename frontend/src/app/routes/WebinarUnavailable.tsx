import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { errorMessage } from '@/lib/errors';

/** What a public webinar route shows when the webinar cannot be loaded (missing, private, or an error). */
export function WebinarUnavailable({ error }: { error: unknown }) {
  return (
    <section className="narrow">
      <h1>Webinar not available</h1>
      <Alert tone="error">{errorMessage(error)}</Alert>
      <Link to="/">Browse webinars</Link>
    </section>
  );
}
