import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import {
  useAcceptCoHostInvitation,
  useDeclineCoHostInvitation,
  useMyCoHostInvitations,
} from '../api/co-host-invitations';

/** My pending invitations to co-host, each with Accept and Decline. Renders nothing when there are none. */
export function CoHostInvitationsPanel() {
  const { data, error } = useMyCoHostInvitations();
  const accept = useAcceptCoHostInvitation();
  const decline = useDeclineCoHostInvitation();
  if (error) return <Alert tone="error">{errorMessage(error)}</Alert>;
  if (!data?.results.length) return null;
  const failure = accept.error ?? decline.error;
  return (
    <section className="card stack" aria-labelledby="co-host-invitations-heading">
      <h2 id="co-host-invitations-heading">Invitations to co-host</h2>
      {failure && <Alert tone="error">{errorMessage(failure)}</Alert>}
      <ul className="invitations">
        {data.results.map((invitation) => (
          <li key={invitation.id}>
            {/* No link: a draft's event page shows nobody but its hosts, and the invitee is not one yet. */}
            <span>
              <strong>{invitation.webinar_title}</strong>
              <br />
              <span className="meta">
                {formatDateTime(invitation.webinar_starts_at)}
                {invitation.invited_by_name && <> · invited by {invitation.invited_by_name}</>}
              </span>
            </span>
            <span className="actions">
              <Button
              variant="primary"
              loading={accept.isPending && accept.variables === invitation.id}
              onClick={() => accept.mutate(invitation.id)}
              aria-label={`Accept co-hosting ${invitation.webinar_title}`}
            >
              Accept
            </Button>{' '}
            <Button
              loading={decline.isPending && decline.variables === invitation.id}
              onClick={() => decline.mutate(invitation.id)}
              aria-label={`Decline co-hosting ${invitation.webinar_title}`}
            >
              Decline
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
