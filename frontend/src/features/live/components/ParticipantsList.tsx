import { Alert } from '@/components/ui/Alert';
import { EmptyState } from '@/components/ui/EmptyState';
import { Spinner } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import { formatTime } from '@/lib/format';
import { useParticipants } from '../api/participants';

/** Hosts: who is in the room now (refreshes by itself). */
export function ParticipantsList({ webinarId, active }: { webinarId: number; active: boolean }) {
  const { data, error, isPending } = useParticipants(webinarId, { enabled: active });
  if (!active) return <p className="meta">Nobody is in the room: the session is not running.</p>;
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
