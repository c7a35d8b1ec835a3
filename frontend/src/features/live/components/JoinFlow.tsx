import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Spinner } from '@/components/ui/Spinner';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { JoinInfo } from '@/types/api';
import { useLiveStatus } from '../api/get-status';
import { joinSession, leaveSession, leaveSessionOnUnload } from '../api/join';
import { endSession } from '../api/session';
import type { JitsiMeetApi, JitsiMeetApiConstructor } from '../jitsi/external-api';
import { HostRoomControls } from './HostRoomControls';
import { JitsiRoom } from './JitsiRoom';

type Phase =
  | { kind: 'joining' }
  /** `asHost`: the API said session_not_started, which only hosts hear (nobody has started it yet). */
  | { kind: 'waiting'; asHost: boolean }
  | { kind: 'room'; info: JoinInfo }
  | { kind: 'left' }
  | { kind: 'ended' }
  | { kind: 'error'; error: unknown };

/** Codes that mean "not yet": wait on the waiting screen and retry when the session opens. */
const WAIT_CODES = new Set(['session_not_open', 'session_not_started', 'not_live']);
/** Offline longer than this: Jitsi's own resumption will need a new token, so rejoin. */
const REJOIN_AFTER_OFFLINE_MS = 30_000;

/**
 * The attendee's (and host's) way into the room: ask to join; while the session
 * is not open, wait and poll the public status; the moment it turns live, join
 * by itself. Every (re)join fetches a fresh token.
 */
export function JoinFlow({
  webinarId,
  slug,
  title,
  loadApi,
  statusPollMs,
}: {
  webinarId: number;
  slug: string;
  title: string;
  loadApi?: (domain: string) => Promise<JitsiMeetApiConstructor>;
  statusPollMs?: number;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'joining' });
  const [jitsi, setJitsi] = useState<JitsiMeetApi | null>(null);
  const [roomError, setRoomError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<unknown>(null);
  const joining = useRef(false);
  // True while there is no joined room to leave (so nothing is reported twice, or before joining).
  const left = useRef(true);
  const endingRef = useRef(false);
  const polling = phase.kind === 'waiting' || phase.kind === 'room' || phase.kind === 'joining';
  const status = useLiveStatus(slug, { enabled: polling, intervalMs: statusPollMs });
  const liveState = status.data?.state;

  const join = useCallback(async () => {
    if (joining.current) return;
    joining.current = true;
    try {
      const info = await joinSession(webinarId);
      left.current = false;
      setRoomError(null);
      setPhase({ kind: 'room', info });
    } catch (error) {
      if (isApiError(error) && WAIT_CODES.has(error.code))
        setPhase({ kind: 'waiting', asHost: error.code === 'session_not_started' });
      else if (isApiError(error, 'session_ended')) setPhase({ kind: 'ended' });
      else setPhase({ kind: 'error', error });
    } finally {
      joining.current = false;
    }
  }, [webinarId]);

  // Join on arrival. (In a task rather than the effect body: join's state updates then come from a callback.)
  useEffect(() => {
    const timer = setTimeout(() => void join(), 0);
    return () => clearTimeout(timer);
  }, [join]);

  // Waiting: the moment the public status says live (for a host: any running
  // session, the green room included), join by itself. Re-runs on every poll, so
  // a join that raced the cache and got 409 again is retried.
  const waitingAsHost = phase.kind === 'waiting' && phase.asHost;
  useEffect(() => {
    const canEnter = liveState === 'live' || (waitingAsHost && liveState === 'practice');
    if (phase.kind !== 'waiting' || !canEnter) return;
    const timer = setTimeout(() => void join(), 0);
    return () => clearTimeout(timer);
  }, [phase.kind, waitingAsHost, liveState, status.dataUpdatedAt, join]);

  const reportLeave = useCallback(() => {
    if (left.current) return;
    left.current = true;
    void leaveSession(webinarId).catch(() => undefined);
  }, [webinarId]);

  // The hosts ended (or cancelled) the session while we waited or sat in the room.
  const sessionOver = liveState === 'ended' || liveState === 'cancelled';
  const endedByHosts = sessionOver && (phase.kind === 'waiting' || (phase.kind === 'room' && !ending));
  useEffect(() => {
    if (endedByHosts) reportLeave();
  }, [endedByHosts, reportLeave]);

  // Tab closed or navigated away: report the leave with a keepalive request.
  // Restored from the back/forward cache: join again for a fresh token.
  const inRoom = phase.kind === 'room';
  useEffect(() => {
    if (!inRoom) return;
    let offlineSince: number | null = null;
    const onPageHide = () => {
      if (left.current) return;
      left.current = true;
      leaveSessionOnUnload(webinarId);
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void join();
    };
    const onOffline = () => {
      offlineSince = Date.now();
    };
    const onOnline = () => {
      if (offlineSince !== null && Date.now() - offlineSince > REJOIN_AFTER_OFFLINE_MS) void join();
      offlineSince = null;
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    };
  }, [inRoom, webinarId, join]);

  // Leaving the page inside the app (unmount) while in the room also counts as leaving.
  useEffect(() => () => reportLeave(), [reportLeave]);

  const onLeave = useCallback(() => {
    reportLeave();
    if (!endingRef.current) setPhase({ kind: 'left' });
  }, [reportLeave]);

  const endForAll = useCallback(async () => {
    endingRef.current = true;
    setEnding(true);
    setEndError(null);
    try {
      jitsi?.executeCommand('endConference');
      await endSession(webinarId);
      reportLeave();
      setPhase({ kind: 'ended' });
    } catch (error) {
      setEndError(error);
    } finally {
      endingRef.current = false;
      setEnding(false);
    }
  }, [jitsi, webinarId, reportLeave]);

  const rejoin = () => {
    setPhase({ kind: 'joining' });
    void join();
  };

  const back = (
    <Link className="btn btn-secondary" to={`/w/${slug}`}>
      Back to the event page
    </Link>
  );

  const view: Phase = endedByHosts ? { kind: 'ended' } : phase;
  switch (view.kind) {
    case 'joining':
      return (
        <section className="center-panel" aria-labelledby="join-title">
          <h1 id="join-title">{title}</h1>
          <Spinner label="Getting you into the room…" />
        </section>
      );
    case 'waiting':
      return (
        <section className="center-panel waiting" aria-labelledby="waiting-title" data-testid="waiting-room">
          <h1 id="waiting-title">{title}</h1>
          <p className="waiting-state">{liveState && <StatusBadge status={liveState} />}</p>
          <div className="pulse" aria-hidden="true" />
          <p role="status" aria-live="polite" className="lead">
            {view.asHost
              ? 'You have not started this session yet. Open the green room or go live from the host dashboard: this page takes you into the room as soon as it runs.'
              : liveState === 'practice'
              ? 'The hosts are getting ready in the green room. You will join automatically when they open the session.'
              : liveState === 'live'
                ? 'The session is open. Joining…'
                : 'The session has not started yet. Keep this page open: you will join automatically when it starts.'}
          </p>
          {status.data?.starts_at && (
            <p className="meta">
              Scheduled for <time dateTime={status.data.starts_at}>{formatDateTime(status.data.starts_at)}</time>
            </p>
          )}
          {status.error && <Alert tone="warning">{errorMessage(status.error)} We keep trying.</Alert>}
          <p className="actions">
            {view.asHost && (
              <Link className="btn btn-primary" to={`/webinars/${webinarId}/manage`}>
                Open the host dashboard
              </Link>
            )}
            {back}
          </p>
        </section>
      );
    case 'left':
      return (
        <section className="center-panel" aria-labelledby="left-title">
          <h1 id="left-title">You left the room</h1>
          <p className="actions">
            <Button variant="primary" onClick={rejoin}>
              Rejoin
            </Button>
            {back}
          </p>
        </section>
      );
    case 'ended':
      return (
        <section className="center-panel" aria-labelledby="ended-title">
          <h1 id="ended-title">This session has ended</h1>
          <p className="lead">Thanks for joining {title}.</p>
          <p className="actions">{back}</p>
        </section>
      );
    case 'error':
      return (
        <section className="center-panel" aria-labelledby="error-title">
          <h1 id="error-title">We could not get you into the room</h1>
          <Alert tone="error">{errorMessage(view.error)}</Alert>
          <p className="actions">
            {!isApiError(view.error, 'permission_denied') && !isApiError(view.error, 'not_approved') && (
              <Button variant="primary" onClick={rejoin}>
                Try again
              </Button>
            )}
            {back}
          </p>
        </section>
      );
    case 'room':
      return (
        <section className="room" aria-labelledby="room-title" data-testid="room">
          <header className="room-bar">
            <h1 id="room-title">
              {title} <StatusBadge status={liveState === 'practice' ? 'practice' : 'live'} />
            </h1>
            <div className="actions">
              {view.info.moderator && <HostRoomControls api={jitsi} ending={ending} onEndForAll={() => void endForAll()} />}
              {/* Our own Leave (Jitsi's hang-up lives inside the iframe): hang up, and the events report the leave. */}
              <Button
                onClick={() => {
                  if (jitsi) jitsi.executeCommand('hangup');
                  else onLeave();
                }}
              >
                Leave
              </Button>
            </div>
          </header>
          {endError != null && <Alert tone="error">{errorMessage(endError)}</Alert>}
          {roomError && (
            <Alert tone="error" title="Connection problem">
              {roomError}{' '}
              <Button variant="primary" onClick={rejoin}>
                Rejoin
              </Button>
            </Alert>
          )}
          <JitsiRoom
            key={`${view.info.room}:${view.info.jwt}`}
            info={view.info}
            loadApi={loadApi}
            onReady={setJitsi}
            onLeave={onLeave}
            onError={(message, fatal) => {
              if (fatal) setRoomError(message);
            }}
          />
        </section>
      );
  }
}
