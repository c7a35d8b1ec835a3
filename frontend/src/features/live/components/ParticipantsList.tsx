import { Alert } from '@/components/ui/Alert';
import { EmptyState } from '@/components/ui/EmptyState';
import { Spinner } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import { formatTime } from '@/lib/format';
import { useParticipants } from '../api/participants';

/** Hosts: who is in the room now (refreshes by itself); render it only while the session is running. */
export function ParticipantsList({ webinarId }: { webinarId: number }) {
  const { data, error, isPending } = useParticipants(webinarId);
  if (isPending) return <Spinner label="Loading participants…" />;
  if (error) return <Alert tone="error">{errorMessage(error)}</Alert>;
  if (!data.length) return <EmptyState title="Nobody has joined yet." />;
  return (
    <ul className="people" aria-label={`${data.length} in the room`}>
      {data.map((p) => (
        <li key={p.user}>
          <span>{p.display_name}</span>
          {p.is_host && <span className="badge badge-host">Host</span>}
          <span className="meta">since {formatTime(p.joined_at)}</span>
        </li>
      ))}
    </ul>
  );
}
