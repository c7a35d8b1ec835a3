import { useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { errorMessage } from '@/lib/errors';
import type { PublicUser, Webinar } from '@/types/api';
import { useInviteCoHost, useWithdrawCoHostInvitation } from '../api/co-host-invitations';

function nameOf(person: PublicUser): string {
  return person.display_name || `@${person.username}`;
}

/**
 * Co-hosts join by invitation only (docs/api.md): invited one at a time by exact username (the API
 * offers no search, so nobody can browse accounts from here), at once, and they become hosts when they
 * accept. Pending invitations can be withdrawn at once; removing a current co-host is part of the form
 * (it sends the ids that stay). A webinar not saved yet has nobody to invite to.
 */
export function CoHostsField({
  webinar,
  value,
  onChange,
  error,
}: {
  /** The saved webinar; absent on the create form. */
  webinar?: Webinar;
  /** The current co-hosts kept by the form. */
  value: PublicUser[];
  onChange: (next: PublicUser[]) => void;
  /** The server's error for `co_hosts`, if any. */
  error?: string;
}) {
  const [username, setUsername] = useState('');
  const [problem, setProblem] = useState<string>();
  // Screen readers hear invitations, removals and problems here: focus stays in the input meanwhile.
  const [news, setNews] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const invite = useInviteCoHost();
  const withdraw = useWithdrawCoHostInvitation();

  if (!webinar) {
    return (
      <p className="field-hint">
        <strong>Co-hosts</strong> are invited by username once the draft is saved: use Edit on its dashboard.
      </p>
    );
  }
  const webinarId = webinar.id;

  function refuse(message: string) {
    setProblem(message);
    setNews(message);
  }

  function send() {
    const wanted = username.trim();
    if (invite.isPending) return;
    if (!wanted) return refuse('Type the username of the person to invite.');
    invite.mutate(
      { webinarId, username: wanted },
      {
        onSuccess: (invitation) => {
          setUsername('');
          setProblem(undefined);
          setNews(`Invited ${nameOf(invitation.user)}. They become a co-host when they accept.`);
        },
        onError: (e) => refuse(errorMessage(e)),
      },
    );
  }

  function remove(person: PublicUser) {
    onChange(value.filter((p) => p.id !== person.id));
    setNews(`${nameOf(person)} will be removed when you save.`);
    // The button that had focus is gone: put focus somewhere useful rather than on the page body.
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter invites the person instead of submitting the whole form.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  const pending = webinar.co_host_invitations;
  return (
    <div className="stack co-hosts">
      <Field
        label="Invite a co-host by username"
        hint="Their exact username. The invitation is sent at once; once they accept, they have the same rights as you."
        error={problem ?? error ?? (withdraw.error ? errorMessage(withdraw.error) : undefined)}
      >
        {(control) => (
          <div className="input-row">
            <input
              {...control}
              ref={inputRef}
              name="co_host_username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                setProblem(undefined);
              }}
              onKeyDown={onKeyDown}
            />
            <Button onClick={send} loading={invite.isPending}>
              Invite
            </Button>
          </div>
        )}
      </Field>
      {value.length > 0 && (
        <ul className="co-host-list" aria-label="Co-hosts">
          {value.map((person) => (
            <li key={person.id} className="co-host">
              <span>
                <span className="co-host-name">{person.display_name || person.username}</span>{' '}
                <span className="meta">@{person.username}</span>
              </span>
              <Button className="btn-small" variant="ghost" aria-label={`Remove ${nameOf(person)}`} onClick={() => remove(person)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {pending.length > 0 && (
        <ul className="co-host-list" aria-label="Invited, not answered yet">
          {pending.map((invitation) => (
            <li key={invitation.id} className="co-host co-host-pending">
              <span>
                <span className="co-host-name">{invitation.user.display_name || invitation.user.username}</span>{' '}
                <span className="meta">@{invitation.user.username} · invited</span>
              </span>
              <Button
                className="btn-small"
                variant="ghost"
                aria-label={`Withdraw the invitation to ${nameOf(invitation.user)}`}
                loading={withdraw.isPending && withdraw.variables === invitation.id}
                onClick={() =>
                  withdraw.mutate(invitation.id, {
                    onSuccess: () => {
                      setNews(`Withdrew the invitation to ${nameOf(invitation.user)}.`);
                      inputRef.current?.focus();
                    },
                  })
                }
              >
                Withdraw
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {news}
      </p>
    </div>
  );
}
