import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { EmptyState } from '@/components/ui/EmptyState';
import { Spinner } from '@/components/ui/Spinner';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useMyRegistrations } from '../api/my-registrations';

export function MyRegistrationsList() {
  const { data, error, isPending } = useMyRegistrations();
  if (isPending) return <Spinner label="Loading your registrations…" />;
  if (error) return <Alert tone="error">{errorMessage(error)}</Alert>;
  const rows = data.results.filter((r) => r.status !== 'cancelled');
  if (!rows.length) {
    return (
      <EmptyState title="You have not registered for any webinars yet.">
        <Link to="/">Browse webinars</Link>
      </EmptyState>
    );
  }
  return (
    <table className="table">
      <caption className="visually-hidden">Your registrations</caption>
      <thead>
        <tr>
          <th scope="col">Webinar</th>
          <th scope="col">Starts</th>
          <th scope="col">Webinar status</th>
          <th scope="col">Your seat</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.webinar_slug ? <Link to={`/w/${r.webinar_slug}`}>{r.webinar_title ?? 'Webinar'}</Link> : (r.webinar_title ?? `Webinar ${r.webinar}`)}
            </th>
            <td data-label="Starts">{formatDateTime(r.webinar_starts_at)}</td>
            <td data-label="Webinar status">{r.webinar_status && <StatusBadge status={r.webinar_status} />}</td>
            <td data-label="Your seat">
              <StatusBadge status={r.status} />
              {r.webinar_status === 'live' && r.status === 'approved' && r.webinar_slug && (
                <>
                  {' '}
                  <Link className="btn btn-primary btn-small" to={`/w/${r.webinar_slug}/live`}>
                    Join now
                  </Link>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
