import { StatusBadge } from '@/components/ui/StatusBadge';
import type { PublicStatus, ShownState } from '@/types/api';

const TEXT: Record<string, string> = {
  draft: 'This webinar is not published yet.',
  scheduled: 'Not started yet.',
  practice: 'The hosts are in the green room; it starts soon.',
  live: 'Live now!',
  ended: 'This webinar has ended.',
  cancelled: 'This webinar was cancelled.',
};

/**
 * The event page's live status. It is a polite live region, so when the
 * webinar goes live a screen reader hears it without the page reloading.
 */
export function LiveStatusBanner({ status }: { status: (Omit<PublicStatus, 'state'> & { state: ShownState }) | undefined }) {
  const state = status?.state;
  return (
    <div className={`live-banner live-banner-${state ?? 'unknown'}`} role="status" aria-live="polite" data-testid="live-status">
      {state ? (
        <>
          <StatusBadge status={state} />
          <span>{TEXT[state] ?? state}</span>
          {state === 'live' && status.participant_count > 0 && (
            <span className="meta">
              {status.participant_count} {status.participant_count === 1 ? 'person' : 'people'} watching
            </span>
          )}
        </>
      ) : (
        <span className="meta">Checking whether it is live…</span>
      )}
    </div>
  );
}
