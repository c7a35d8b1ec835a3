import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { EmptyState } from '@/components/ui/EmptyState';
import { Spinner } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import { formatClock, formatDateTime, formatSize } from '@/lib/format';
import { mediaUrl, useDeleteRecording, useRecordings, useSetPublished } from '../api/recordings';
import type { Recording } from '@/types/api';

const STATUS_TEXT: Record<Recording['status'], string> = {
  processing: 'Processing…',
  ready: 'Ready',
  failed: 'Failed',
};

/**
 * The host dashboard's recordings: publish / unpublish (registrants see published ones on the
 * event page and are emailed the first time), download, delete. Polls while one is processing.
 */
export function RecordingsManager({ webinarId }: { webinarId: number }) {
  const recordings = useRecordings(webinarId, { pollWhileProcessing: true });
  const publish = useSetPublished(webinarId);
  const remove = useDeleteRecording(webinarId);
  const failure = publish.error ?? remove.error;

  if (recordings.isPending) return <Spinner label="Loading recordings" />;
  if (recordings.isError) return <Alert tone="error">{errorMessage(recordings.error)}</Alert>;
  const rows = recordings.data ?? [];

  return (
    <section aria-labelledby="recordings-heading" className="recordings-manager">
      <h2 id="recordings-heading">Recordings</h2>
      {failure && <Alert tone="error">{errorMessage(failure)}</Alert>}
      {rows.length === 0 ? (
        <EmptyState title="No recordings yet">Start a recording from the room; it appears here a few minutes after it stops.</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Recorded</th>
              <th scope="col">Length</th>
              <th scope="col">Size</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((recording) => {
              const url = mediaUrl(recording);
              const label = `recording of ${formatDateTime(recording.created_at)}`;
              return (
                <tr key={recording.id}>
                  <td data-label="Recorded">{formatDateTime(recording.created_at)}</td>
                  <td data-label="Length">{formatClock(recording.duration_seconds)}</td>
                  <td data-label="Size">{formatSize(recording.size_bytes)}</td>
                  <td data-label="Status">
                    {STATUS_TEXT[recording.status]}
                    {recording.published && ' · Published'}
                  </td>
                  <td className="actions">
                    {recording.status === 'ready' && (
                      <Button
                        aria-label={`${recording.published ? 'Unpublish' : 'Publish'} ${label}`}
                        loading={publish.isPending && publish.variables?.id === recording.id}
                        onClick={() => publish.mutate({ id: recording.id, published: !recording.published })}
                      >
                        {recording.published ? 'Unpublish' : 'Publish'}
                      </Button>
                    )}
                    {url && (
                      <a className="btn btn-secondary" href={url} download aria-label={`Download ${label}`}>
                        Download
                      </a>
                    )}
                    <ConfirmButton
                      question="Delete this recording and its file?"
                      confirmLabel="Yes, delete"
                      loading={remove.isPending && remove.variables === recording.id}
                      onConfirm={() => remove.mutate(recording.id)}
                    >
                      Delete
                    </ConfirmButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
