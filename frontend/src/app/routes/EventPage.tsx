import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Countdown } from '@/components/ui/Countdown';
import { Spinner } from '@/components/ui/Spinner';
import { LiveStatusBanner } from '@/features/live/components/LiveStatusBanner';
import { useLiveStatus } from '@/features/live/api/get-status';
import { RecordingsPlayer } from '@/features/recordings/components/RecordingsPlayer';
import { RegistrationPanel } from '@/features/registrations/components/RegistrationPanel';
import { useWebinarBySlug } from '@/features/webinars/api/get-webinar';
import { WebinarDetails } from '@/features/webinars/components/WebinarDetails';
import { useDocumentTitle } from './use-document-title';
import { WebinarUnavailable } from './WebinarUnavailable';

/**
 * The event page: details, the live status (polled, updates itself), the
 * attendee's registration, and the way into the room.
 */
export function EventPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const webinar = useWebinarBySlug(slug);
  // Drafts have no public status yet; everything else is polled so the page updates itself.
  const status = useLiveStatus(slug, { enabled: webinar.isSuccess && webinar.data.status !== 'draft' });
  useDocumentTitle(webinar.data?.title);

  if (webinar.isPending) return <Spinner label="Loading the webinar…" />;
  if (webinar.error) return <WebinarUnavailable error={webinar.error} />;

  const w = webinar.data;
  const state = status.data?.state ?? w.status;
  const isLive = state === 'live';
  const approved = w.my_registration?.status === 'approved';
  const liveUrl = `/w/${w.slug}/live`;

  return (
    <article className="event" aria-labelledby="event-title">
      <header className="event-head">
        <p className="eyebrow">{w.visibility === 'unlisted' ? 'Unlisted webinar' : 'Webinar'}</p>
        <h1 id="event-title">{w.title}</h1>
        <LiveStatusBanner status={status.data ?? (w.status ? { state: w.status, starts_at: w.starts_at, started_at: null, ended_at: null, participant_count: 0 } : undefined)} />
        {state === 'scheduled' && (
          <p className="meta">
            <Countdown to={w.starts_at} />
          </p>
        )}
      </header>
      <div className="event-grid">
        <div className="stack">
          {w.description ? <p className="description">{w.description}</p> : <p className="meta">No description.</p>}
          <WebinarDetails webinar={w} />
          {/* After the webinar: published recordings for approved registrants and hosts (the API decides). */}
          <RecordingsPlayer webinarId={w.id} enabled={state === 'ended' && (w.is_host || approved)} />
        </div>
        <aside className="card stack" aria-label="Your place">
          {w.is_host && (
            <>
              <p>You are a host of this webinar.</p>
              <p className="actions">
                <Link className="btn btn-primary" to={`/webinars/${w.id}/manage`}>
                  Host dashboard
                </Link>
                {(state === 'live' || state === 'practice') && (
                  <Link className="btn btn-secondary" to={liveUrl}>
                    Enter the room
                  </Link>
                )}
              </p>
            </>
          )}
          {/* Where the person stands first, then the way in. */}
          <RegistrationPanel webinar={w} isLive={isLive} onRegisteredWhileLive={() => navigate(liveUrl)} />
          {!w.is_host && approved && (isLive || state === 'practice' || state === 'scheduled') && (
            <p className="actions">
              <Link className={`btn ${isLive ? 'btn-primary btn-large' : 'btn-secondary'}`} to={liveUrl}>
                {isLive ? 'Join now' : 'Go to the waiting room'}
              </Link>
            </p>
          )}
          {state === 'cancelled' && <Alert tone="warning">This webinar was cancelled.</Alert>}
        </aside>
      </div>
    </article>
  );
}
