import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { CopyField } from '@/components/ui/CopyField';
import { ProgressBar, Spinner } from '@/components/ui/Spinner';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { AttendanceReport } from '@/features/attendance/components/AttendanceReport';
import { useLiveStatus } from '@/features/live/api/get-status';
import { LiveControls } from '@/features/live/components/LiveControls';
import { ParticipantsList } from '@/features/live/components/ParticipantsList';
import { RecordingsManager } from '@/features/recordings/components/RecordingsManager';
import { RegistrantsManager } from '@/features/registrations/components/RegistrantsManager';
import { useLeaveCoHosting } from '@/features/webinars/api/co-host-invitations';
import { useWebinar } from '@/features/webinars/api/get-webinar';
import { useCancelWebinar, usePublishWebinar } from '@/features/webinars/api/webinar-actions';
import { WebinarDetails } from '@/features/webinars/components/WebinarDetails';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/errors';
import { absoluteUrl } from '@/lib/format';
import type { WebinarAction } from '@/types/api';
import { useDocumentTitle } from './use-document-title';

/** Everything a host does with one webinar, on one page. */
export function HostDashboardPage() {
  const id = Number(useParams().id);
  const webinar = useWebinar(id);
  const status = useLiveStatus(webinar.data?.slug ?? '', {
    enabled: Boolean(webinar.data?.slug) && webinar.data?.status !== 'draft',
  });
  const publish = usePublishWebinar();
  const cancel = useCancelWebinar();
  const leave = useLeaveCoHosting();
  const { user } = useAuth();
  const navigate = useNavigate();
  useDocumentTitle(webinar.data ? `Manage ${webinar.data.title}` : 'Manage webinar');

  if (webinar.isPending) return <Spinner label="Loading the webinar…" />;
  if (webinar.error) return <Alert tone="error">{errorMessage(webinar.error)}</Alert>;
  const w = webinar.data;
  if (w.is_host === false) return <Alert tone="error">Only the hosts of this webinar can manage it.</Alert>;

  // The public status knows about the green room ("practice"); fall back to the webinar's own status.
  const state = status.data?.state ?? w.status;
  const running = state === 'practice' || state === 'live';
  const can = (action: WebinarAction) => w.allowed_actions.includes(action);
  const actionError = publish.error ?? cancel.error ?? leave.error;
  const coHost = user != null && w.organizer !== user.id;

  return (
    <div className="stack-lg dashboard">
      <header className="stack">
        <p>
          <Link to="/me">← My webinars</Link>
        </p>
        <div className="section-head">
          <h1>
            {w.title} <StatusBadge status={state} />
          </h1>
          <p className="actions">
            <Link className="btn btn-secondary" to={`/w/${w.slug}`}>
              Event page
            </Link>
            {can('edit') && (
              <Link className="btn btn-secondary" to={`/webinars/${w.id}/edit`}>
                Edit
              </Link>
            )}
            {can('publish') && (
              <Button variant="primary" loading={publish.isPending} loadingText="Publishing…" onClick={() => publish.mutate(w.id)}>
                Publish
              </Button>
            )}
            {can('cancel') && (
              <ConfirmButton question="Cancel this webinar? Registrants will be told." confirmLabel="Yes, cancel webinar" loading={cancel.isPending} onConfirm={() => cancel.mutate(w.id)}>
                Cancel webinar
              </ConfirmButton>
            )}
            {coHost && (
              <ConfirmButton
                question="Stop co-hosting? You will no longer manage this webinar."
                confirmLabel="Yes, stop co-hosting"
                variant="secondary"
                loading={leave.isPending}
                onConfirm={() => leave.mutate(w.id, { onSuccess: () => navigate('/me') })}
              >
                Stop co-hosting
              </ConfirmButton>
            )}
          </p>
        </div>
        {(publish.isPending || cancel.isPending) && <ProgressBar label="Updating the webinar" />}
        {actionError && <Alert tone="error">{errorMessage(actionError)}</Alert>}
        {publish.isSuccess && <Alert tone="success">Published: people can now find and register for it.</Alert>}
        {w.status !== 'draft' && <CopyField label="Share the event page" value={absoluteUrl(`/w/${w.slug}`)} />}
      </header>

      <section className="card stack" aria-labelledby="live-title">
        <h2 id="live-title">Live session</h2>
        <LiveControls webinarId={w.id} slug={w.slug} state={state} />
      </section>

      {running && (
        <section className="card stack" aria-labelledby="people-title">
          <h2 id="people-title">In the room now{status.data ? ` (${status.data.participant_count})` : ''}</h2>
          <ParticipantsList webinarId={w.id} />
        </section>
      )}

      <section className="card stack" aria-labelledby="registrants-title">
        <h2 id="registrants-title">Registrants</h2>
        <RegistrantsManager webinarId={w.id} canDecide={can('decide')} />
      </section>

      {state === 'ended' && (
        <section className="card stack">
          <RecordingsManager webinarId={w.id} />
        </section>
      )}

      {(state === 'live' || state === 'ended') && (
        <section className="card stack" aria-labelledby="attendance-title">
          <h2 id="attendance-title">Attendance</h2>
          <AttendanceReport webinarId={w.id} />
        </section>
      )}

      <section className="card stack" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <WebinarDetails webinar={w} />
      </section>
    </div>
  );
}
