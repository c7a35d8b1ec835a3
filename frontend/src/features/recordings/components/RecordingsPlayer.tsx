import { formatClock, formatDateTime } from '@/lib/format';
import { mediaUrl, useRecordings } from '../api/recordings';

/**
 * The event page's published recordings, for approved registrants (and hosts): an HTML5 player
 * and a download link each. Renders nothing for anyone the API shows no recordings (404 → null).
 */
export function RecordingsPlayer({ webinarId, enabled = true }: { webinarId: number; enabled?: boolean }) {
  const recordings = useRecordings(webinarId, { enabled });
  const playable = (recordings.data ?? []).filter((recording) => recording.published && mediaUrl(recording));
  if (playable.length === 0) return null;
  return (
    <section aria-labelledby="recordings-player-heading" className="recordings-player">
      <h2 id="recordings-player-heading">{playable.length === 1 ? 'Recording' : 'Recordings'}</h2>
      {playable.map((recording) => {
        const url = mediaUrl(recording)!;
        const title = `Recording of ${formatDateTime(recording.created_at)} (${formatClock(recording.duration_seconds)})`;
        return (
          <figure key={recording.id}>
            <video controls preload="metadata" src={url} aria-label={title} style={{ width: '100%' }}>
              <a href={url}>Download the recording</a>
            </video>
            <figcaption>
              {title} · <a href={url} download>Download</a>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
