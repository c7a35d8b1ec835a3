import { formatDateTime } from '@/lib/format';
import type { Webinar } from '@/types/api';

/** The facts of a webinar as a description list. */
export function WebinarDetails({ webinar }: { webinar: Webinar }) {
  return (
    <dl className="details">
      <div>
        <dt>Starts</dt>
        <dd>
          <time dateTime={webinar.starts_at}>{formatDateTime(webinar.starts_at)}</time>
        </dd>
      </div>
      <div>
        <dt>Ends</dt>
        <dd>
          <time dateTime={webinar.ends_at}>{formatDateTime(webinar.ends_at)}</time>
        </dd>
      </div>
      {webinar.organizer_name && (
        <div>
          <dt>Host</dt>
          <dd>{webinar.organizer_name}</dd>
        </div>
      )}
      <div>
        <dt>Seats</dt>
        <dd>
          {webinar.capacity == null
            ? 'Unlimited'
            : webinar.approved_count != null
              ? `${webinar.approved_count} of ${webinar.capacity} taken`
              : webinar.capacity}
        </dd>
      </div>
      <div>
        <dt>Registration</dt>
        <dd>{webinar.registration_policy === 'approval' ? 'Hosts approve each registration' : 'Open'}</dd>
      </div>
      {webinar.tags.length > 0 && (
        <div>
          <dt>Tags</dt>
          <dd>{webinar.tags.map((t) => `#${t}`).join(' ')}</dd>
        </div>
      )}
    </dl>
  );
}
