import { useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { Spinner } from '@/components/ui/Spinner';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/errors';
import { useDownload } from '@/lib/use-download';
import type { Webinar } from '@/types/api';
import { calendarFile, useRegister, useUnregister } from '../api/register';

const STATUS_TEXT: Record<NonNullable<Webinar['my_registration']>['status'], string> = {
  approved: 'You are registered.',
  pending: 'Your registration is awaiting approval from the hosts.',
  waitlisted: 'The webinar is full: you are on the waitlist. You will get an email if a seat frees up.',
  rejected: 'The hosts did not approve your registration.',
  cancelled: 'You cancelled your registration.',
};

/**
 * What an attendee can do about their seat: register (or join the waitlist, or
 * ask for approval), see where they stand, and cancel.
 */
export function RegistrationPanel({
  webinar,
  isLive,
  onRegisteredWhileLive,
}: {
  webinar: Webinar;
  isLive: boolean;
  onRegisteredWhileLive?: () => void;
}) {
  const { status: authStatus } = useAuth();
  const location = useLocation();
  const register = useRegister();
  const unregister = useUnregister();
  const calendar = useDownload(calendarFile(webinar.id));
  // The button pressed disappears with the change: move focus to the news instead of losing it to <body>.
  const news = useRef<HTMLDivElement>(null);
  const focusNews = () => requestAnimationFrame(() => news.current?.focus());
  // Both mutations stay pending until the webinar is fetched again, so these are never stale.
  const current = webinar.my_registration?.status ?? null;
  const allowed = webinar.allowed_actions;

  if (authStatus === 'loading') return <Spinner label="Checking your session…" />;
  if (webinar.is_host) return null;
  if (authStatus === 'anonymous') {
    if (!allowed.includes('register')) return null;
    const next = encodeURIComponent(location.pathname);
    return (
      <p className="actions">
        <Link className="btn btn-primary" to={`/login?next=${next}`}>
          Log in to register
        </Link>
        <Link className="btn btn-secondary" to={`/signup?next=${next}`}>
          Create an account
        </Link>
      </p>
    );
  }

  const error = register.error ?? unregister.error ?? calendar.error;
  return (
    <div className="stack">
      <div ref={news} tabIndex={-1} className="stack" aria-live="polite">
        {current && (
          <Alert tone={current === 'approved' ? 'success' : current === 'rejected' ? 'warning' : 'info'}>{STATUS_TEXT[current]}</Alert>
        )}
        {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      </div>
      <p className="actions">
        {allowed.includes('register') && (
          <Button
            variant="primary"
            loading={register.isPending}
            loadingText="Registering…"
            onClick={() =>
              register.mutate(webinar.slug, {
                onError: focusNews,
                onSuccess: (registration) => {
                  unregister.reset();
                  focusNews();
                  if (registration.status === 'approved' && isLive) onRegisteredWhileLive?.();
                },
              })
            }
          >
            {webinar.registration_policy === 'approval' ? 'Request a seat' : isLive ? 'Register and join' : 'Register'}
          </Button>
        )}
        {current === 'approved' && (
          <Button onClick={() => calendar.mutate()} loading={calendar.isPending} loadingText="Preparing…">
            Add to calendar
          </Button>
        )}
        {allowed.includes('unregister') && (
          <ConfirmButton
            question="Cancel your registration?"
            confirmLabel="Yes, cancel it"
            loading={unregister.isPending}
            variant="secondary"
            onConfirm={() => unregister.mutate(webinar.id, { onSuccess: () => register.reset(), onSettled: focusNews })}
          >
            Cancel registration
          </ConfirmButton>
        )}
      </p>
    </div>
  );
}
