import { useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import type { PublicUser } from '@/types/api';
import { useLookupUser } from '../api/lookup-user';

function nameOf(person: PublicUser): string {
  return person.display_name || `@${person.username}`;
}

/**
 * Co-hosts, added one at a time by exact username (the API offers no search, so nobody can browse
 * accounts from here) and removed from the list below. The form sends their ids.
 */
export function CoHostsField({
  value,
  onChange,
  me,
  organizer,
  error,
}: {
  value: PublicUser[];
  onChange: (next: PublicUser[]) => void;
  /** The signed-in person: adding yourself is refused with its own message. */
  me?: number;
  /** Already a host, so never a co-host too (the server drops them silently). */
  organizer?: number;
  /** The server's error for `co_hosts`, if any. */
  error?: string;
}) {
  const [username, setUsername] = useState('');
  const [problem, setProblem] = useState<string>();
  // Screen readers hear additions, removals and problems here: focus stays in the input meanwhile.
  const [news, setNews] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const lookup = useLookupUser();

  function refuse(message: string) {
    setProblem(message);
    setNews(message);
  }

  async function add() {
    const wanted = username.trim();
    if (lookup.isPending) return;
    if (!wanted) return refuse('Type the username of the person to add.');
    let person: PublicUser;
    try {
      person = await lookup.mutateAsync(wanted);
    } catch (e) {
      return refuse(isApiError(e, 'not_found') ? `No account named “${wanted}”.` : errorMessage(e));
    }
    if (person.id === me) return refuse('You are already a host.');
    if (person.id === organizer) return refuse(`${nameOf(person)} organizes this webinar, so they are already a host.`);
    if (value.some((p) => p.id === person.id)) return refuse(`${nameOf(person)} is already a co-host.`);
    onChange([...value, person]);
    setUsername('');
    setProblem(undefined);
    setNews(`Added ${nameOf(person)} as a co-host.`);
  }

  function remove(person: PublicUser) {
    onChange(value.filter((p) => p.id !== person.id));
    setNews(`Removed ${nameOf(person)}.`);
    // The button that had focus is gone: put focus somewhere useful rather than on the page body.
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the person instead of submitting the whole form.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void add();
  }

  return (
    <div className="stack co-hosts">
      <Field
        label="Add co-host by username"
        hint="Their exact username. Co-hosts have the same rights as you."
        error={problem ?? error}
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
            <Button onClick={() => void add()} loading={lookup.isPending}>
              Add
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
      <p className="visually-hidden" role="status">
        {news}
      </p>
    </div>
  );
}
