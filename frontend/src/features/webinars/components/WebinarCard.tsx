import { Link } from 'react-router';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { formatDateTime } from '@/lib/format';
import type { Webinar } from '@/types/api';

export function WebinarCard({ webinar, onTag }: { webinar: Webinar; onTag?: (tag: string) => void }) {
  return (
    <article className="card webinar-card" aria-labelledby={`webinar-${webinar.id}-title`}>
      <div className="card-head">
        <h3 id={`webinar-${webinar.id}-title`}>
          <Link to={`/w/${webinar.slug}`}>{webinar.title}</Link>
        </h3>
        <StatusBadge status={webinar.status} />
      </div>
      <p className="meta">
        <time dateTime={webinar.starts_at}>{formatDateTime(webinar.starts_at)}</time>
        {webinar.organizer_name && <> · by {webinar.organizer_name}</>}
      </p>
      {webinar.description && <p className="card-text">{webinar.description}</p>}
      {webinar.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {webinar.tags.map((tag) => (
            <li key={tag}>
              {onTag ? (
                <button type="button" className="tag" onClick={() => onTag(tag)} aria-label={`Filter by tag ${tag}`}>
                  #{tag}
                </button>
              ) : (
                <span className="tag">#{tag}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
