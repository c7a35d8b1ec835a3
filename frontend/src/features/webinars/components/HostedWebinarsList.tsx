import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { EmptyState } from '@/components/ui/EmptyState';
import { Spinner } from '@/components/ui/Spinner';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useWebinars } from '../api/list-webinars';

/** Webinars I organize or co-host, drafts included. */
export function HostedWebinarsList() {
  const { data, error, isPending } = useWebinars({ role: 'host', ordering: '-starts_at', page_size: 50 });
  if (isPending) return <Spinner label="Loading your webinars…" />;
  if (error) return <Alert tone="error">{errorMessage(error)}</Alert>;
  if (!data.results.length) {
    return (
      <EmptyState title="You are not hosting any webinars yet.">
        <Link to="/webinars/new">Create a webinar</Link>
      </EmptyState>
    );
  }
  return (
    <table className="table">
      <caption className="visually-hidden">Webinars you host</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Starts</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {data.results.map((w) => (
          <tr key={w.id}>
            <th scope="row">
              <Link to={`/w/${w.slug}`}>{w.title}</Link>
            </th>
            <td data-label="Starts">{formatDateTime(w.starts_at)}</td>
            <td data-label="Status">
              <StatusBadge status={w.status} />
            </td>
            <td className="actions">
              <Link to={`/webinars/${w.id}/manage`} aria-label={`Manage ${w.title}`}>
                Manage
              </Link>
              {w.allowed_actions.includes('edit') && (
                <Link to={`/webinars/${w.id}/edit`} aria-label={`Edit ${w.title}`}>
                  Edit
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
