import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { ProgressBar } from '@/components/ui/Spinner';
import { errorMessage } from '@/lib/errors';
import type { ShownState } from '@/types/api';
import { useSessionAction } from '../api/session';

/**
 * Hosts: open the green room (hosts only), go live (attendees admitted; from
 * the green room this opens it), and end. Which buttons show follows the
 * public status, the same source attendees see.
 */
export function LiveControls({ webinarId, slug, state }: { webinarId: number; slug: string; state: ShownState | undefined }) {
  const action = useSessionAction(webinarId, slug);
  const busy = action.isPending;
  const canStart = state === 'scheduled';
  return (
    <div className="stack">
      <div className="actions" role="group" aria-label="Live session">
        {canStart && (
          <Button onClick={() => action.mutate('practice')} loading={busy && action.variables === 'practice'} disabled={busy}>
            Open green room
          </Button>
        )}
        {(canStart || state === 'practice') && (
          <Button
            variant="primary"
            onClick={() => action.mutate(state === 'practice' ? 'open' : 'live')}
            loading={busy && (action.variables === 'open' || action.variables === 'live')}
            loadingText="Going live…"
            disabled={busy}
          >
            Go Live
          </Button>
        )}
        {(state === 'practice' || state === 'live') && (
          <>
            <Link className="btn btn-secondary" to={`/w/${slug}/live`}>
              Enter the room
            </Link>
            <ConfirmButton question="End the session for everyone?" confirmLabel="Yes, end it" onConfirm={() => action.mutate('end')} loading={busy && action.variables === 'end'}>
              End session
            </ConfirmButton>
          </>
        )}
        {state === 'draft' && <p className="meta">Publish the webinar before going live.</p>}
        {state === 'ended' && <p className="meta">This webinar has ended.</p>}
        {state === 'cancelled' && <p className="meta">This webinar was cancelled.</p>}
      </div>
      {busy && <ProgressBar label="Updating the live session" />}
      {action.error && <Alert tone="error">{errorMessage(action.error)}</Alert>}
      {action.isSuccess && !busy && (
        <Alert tone="success">
          {action.data.state === 'practice'
            ? 'The green room is open. Only hosts can join until you go live.'
            : action.data.state === 'live'
              ? 'You are live: registered attendees can join now.'
              : 'The session has ended.'}
        </Alert>
      )}
    </div>
  );
}
