import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Countdown } from '@/components/ui/Countdown';
import { Spinner } from '@/components/ui/Spinner';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { LiveState } from '@/types/api';

/** The screens around the room, one per phase of the join flow (use-join-flow.ts). */

function Panel({ id, title, children, testId }: { id: string; title: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <section className="center-panel" aria-labelledby={id} data-testid={testId}>
      <h1 id={id}>{title}</h1>
      {children}
    </section>
  );
}

function BackLink({ slug }: { slug: string }) {
  return (
    <Link className="btn btn-secondary" to={`/w/${slug}`}>
      Back to the event page
    </Link>
  );
}

export function JoiningPanel({ title }: { title: string }) {
  return (
    <Panel id="join-title" title={title}>
      <Spinner label="Getting you into the room…" />
    </Panel>
  );
}

export function WaitingPanel({
  title,
  asHost,
  liveState,
  startsAt,
  statusError,
  webinarId,
  slug,
}: {
  title: string;
  asHost: boolean;
  liveState: LiveState | undefined;
  startsAt: string | null | undefined;
  statusError: unknown;
  webinarId: number;
  slug: string;
}) {
  return (
    <Panel id="waiting-title" title={title} testId="waiting-room">
      <p className="waiting-state">{liveState && <StatusBadge status={liveState} />}</p>
      <div className="pulse" aria-hidden="true" />
      <p role="status" aria-live="polite" className="lead">
        {asHost
          ? 'You have not started this session yet. Open the green room or go live from the host dashboard: this page takes you into the room as soon as it runs.'
          : liveState === 'practice'
            ? 'The hosts are getting ready in the green room. You will join automatically when they open the session.'
            : liveState === 'live'
              ? 'The session is open. Joining…'
              : 'The session has not started yet. Keep this page open: you will join automatically when it starts.'}
      </p>
      {startsAt && (
        <p className="meta">
          Scheduled for <time dateTime={startsAt}>{formatDateTime(startsAt)}</time>
          {liveState === 'scheduled' && (
            <>
              {' · '}
              <Countdown to={startsAt} />
            </>
          )}
        </p>
      )}
      {statusError != null && <Alert tone="warning">{errorMessage(statusError)} We keep trying.</Alert>}
      <p className="actions">
        {asHost && (
          <Link className="btn btn-primary" to={`/webinars/${webinarId}/manage`}>
            Open the host dashboard
          </Link>
        )}
        <BackLink slug={slug} />
      </p>
    </Panel>
  );
}

export function LeftPanel({ slug, onRejoin }: { slug: string; onRejoin: () => void }) {
  return (
    <Panel id="left-title" title="You left the room">
      <p className="actions">
        <Button variant="primary" onClick={onRejoin}>
          Rejoin
        </Button>
        <BackLink slug={slug} />
      </p>
    </Panel>
  );
}

export function EndedPanel({ title, slug }: { title: string; slug: string }) {
  return (
    <Panel id="ended-title" title="This session has ended">
      <p className="lead">Thanks for joining {title}.</p>
      <p className="actions">
        <BackLink slug={slug} />
      </p>
    </Panel>
  );
}

export function JoinErrorPanel({ error, slug, onRetry }: { error: unknown; slug: string; onRetry: () => void }) {
  const final = isApiError(error, 'permission_denied') || isApiError(error, 'not_approved');
  return (
    <Panel id="error-title" title="We could not get you into the room">
      <Alert tone="error">{errorMessage(error)}</Alert>
      <p className="actions">
        {!final && (
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        )}
        <BackLink slug={slug} />
      </p>
    </Panel>
  );
}

/** The video server could not be used: one message instead of the room, and for hosts what to check. */
export function RoomUnavailablePanel({
  message,
  domain,
  isHost,
  slug,
  onRejoin,
}: {
  message: string;
  domain: string;
  isHost: boolean;
  slug: string;
  onRejoin: () => void;
}) {
  return (
    <Panel id="unavailable-title" title="The video room is not available">
      <Alert tone="error">{message}</Alert>
      {isHost ? (
        <p>
          This server sends people to the video server <code>{domain}</code>. Check the <code>JITSI_DOMAIN</code> setting
          and that the Jitsi stack is running: see <code>docs/deployment.md</code> in the Stagecall repository.
        </p>
      ) : (
        <p>Try again in a moment. If it keeps failing, let the hosts know.</p>
      )}
      <p className="actions">
        <Button variant="primary" onClick={onRejoin}>
          Try again
        </Button>
        <BackLink slug={slug} />
      </p>
    </Panel>
  );
}
