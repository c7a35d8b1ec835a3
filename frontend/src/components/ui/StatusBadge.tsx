import { statusLabel } from './status-labels';

/** A status pill; the text carries the meaning, colour only reinforces it. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status}`}>
      {status === 'live' && <span className="live-dot" aria-hidden="true" />}
      {statusLabel(status)}
    </span>
  );
}
