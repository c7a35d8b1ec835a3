import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { CopyField } from '@/components/ui/CopyField';
import { errorMessage } from '@/lib/errors';
import { absoluteUrl } from '@/lib/format';
import { useCreateInstantWebinar } from '../api/create-instant-webinar';

/** One click: an unlisted webinar that is live now, plus its link to share. */
export function InstantWebinarButton() {
  const instant = useCreateInstantWebinar();
  const result = instant.data;
  // The app and the API share an origin, so the link to share is this origin's event page.
  const eventPath = result ? `/w/${result.webinar.slug}` : '';
  return (
    <div className="instant stack">
      <div>
        <Button variant="primary" loading={instant.isPending} loadingText="Starting…" onClick={() => instant.mutate(undefined)}>
          Start an instant webinar
        </Button>
      </div>
      {instant.error && <Alert tone="error">{errorMessage(instant.error)}</Alert>}
      {result && (
        <div className="card stack" role="region" aria-label="Your instant webinar">
          <p>
            <strong>{result.webinar.title}</strong> is live. Share this link; people register with one click and join.
          </p>
          <CopyField label="Event link" value={absoluteUrl(eventPath)} />
          <p className="actions">
            <Link className="btn btn-primary" to={`/w/${result.webinar.slug}/live`}>
              Enter the room
            </Link>
            <Link className="btn btn-secondary" to={`/webinars/${result.webinar.id}/manage`}>
              Host dashboard
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
