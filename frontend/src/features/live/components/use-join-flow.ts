import { useCallback, useEffect, useReducer, useRef } from 'react';
import { isApiError } from '@/lib/api-client';
import type { JoinInfo } from '@/types/api';
import { useLiveStatus } from '../api/get-status';
import { joinSession, leaveSession, leaveSessionOnUnload } from '../api/join';
import { useSessionAction } from '../api/session';

type Phase =
  | { kind: 'joining' }
  /** `asHost`: the API said session_not_started, which only hosts hear (nobody has started it yet). */
  | { kind: 'waiting'; asHost: boolean }
  /** `build` names one meeting: the room component is keyed on it, so a new build is a new meeting. */
  | { kind: 'room'; info: JoinInfo; build: number; ending: boolean; reconnecting: boolean; failure: string | null }
  | { kind: 'left' }
  | { kind: 'ended' }
  | { kind: 'error'; error: unknown };

interface State {
  phase: Phase;
  builds: number;
  /** Automatic rebuilds since the meeting last joined: bounded, so a broken server is not hammered. */
  retries: number;
}

type Action =
  | { type: 'joining' }
  | { type: 'joined'; info: JoinInfo }
  | { type: 'refused'; error: unknown }
  | { type: 'inMeeting' }
  | { type: 'left' }
  | { type: 'connectionLost' }
  | { type: 'failed'; message: string }
  | { type: 'ending'; ending: boolean }
  | { type: 'ended' };

/** Codes that mean "not yet": wait on the waiting screen and retry when the session opens. */
const WAIT_CODES = new Set(['session_not_open', 'session_not_started']);
/** Automatic rebuilds after a refused token or a dropped connection, before asking for a click. */
const MAX_RECONNECTS = 3;
/** Offline longer than this: Jitsi's own resumption will need a new token, so rejoin. */
const REJOIN_AFTER_OFFLINE_MS = 30_000;

function reduce(state: State, action: Action): State {
  const { phase } = state;
  switch (action.type) {
    case 'joining':
      return { ...state, phase: { kind: 'joining' } };
    case 'joined': {
      const builds = state.builds + 1;
      return { ...state, builds, phase: { kind: 'room', info: action.info, build: builds, ending: false, reconnecting: false, failure: null } };
    }
    case 'refused': {
      const { error } = action;
      if (isApiError(error) && WAIT_CODES.has(error.code))
        return { ...state, phase: { kind: 'waiting', asHost: error.code === 'session_not_started' } };
      if (isApiError(error, 'session_ended')) return { ...state, phase: { kind: 'ended' } };
      return { ...state, phase: { kind: 'error', error } };
    }
    case 'inMeeting':
      return { ...state, retries: 0 };
    case 'left':
      // Ending for all makes Jitsi hang up too; that is not "you left".
      return phase.kind === 'room' && !phase.ending ? { ...state, phase: { kind: 'left' } } : state;
    case 'connectionLost':
      if (phase.kind !== 'room') return state;
      return state.retries < MAX_RECONNECTS
        ? { ...state, retries: state.retries + 1, phase: { ...phase, reconnecting: true } }
        : { ...state, phase: { ...phase, reconnecting: false, failure: 'The connection to the video room keeps failing.' } };
    case 'failed':
      return phase.kind === 'room' ? { ...state, phase: { ...phase, failure: action.message } } : state;
    case 'ending':
      return phase.kind === 'room' ? { ...state, phase: { ...phase, ending: action.ending } } : state;
    case 'ended':
      return { ...state, phase: { kind: 'ended' } };
  }
}

/**
 * The phases of getting into the room and out again: ask to join; while the
 * session is not open, wait and poll the public status and join by itself the
 * moment it says live; in the room, rebuild the meeting with a fresh token when
 * Jitsi refuses the token or loses the connection; report the leave exactly once.
 */
export function useJoinFlow({
  webinarId,
  slug,
  statusPollMs,
  reconnectDelayMs = 1000,
}: {
  webinarId: number;
  slug: string;
  statusPollMs?: number;
  reconnectDelayMs?: number;
}) {
  const [{ phase, retries }, dispatch] = useReducer(reduce, { phase: { kind: 'joining' }, builds: 0, retries: 0 });
  // A join in flight (effects and events may ask twice) and whether this visit's leave is still to report.
  const joining = useRef(false);
  const visiting = useRef(false);
  const polling = phase.kind === 'waiting' || phase.kind === 'room' || phase.kind === 'joining';
  const status = useLiveStatus(slug, { enabled: polling, intervalMs: statusPollMs });
  const liveState = status.data?.state;
  const session = useSessionAction(webinarId, slug);

  const join = useCallback(async () => {
    if (joining.current) return;
    joining.current = true;
    try {
      const info = await joinSession(webinarId);
      visiting.current = true;
      dispatch({ type: 'joined', info });
    } catch (error) {
      dispatch({ type: 'refused', error });
    } finally {
      joining.current = false;
    }
  }, [webinarId]);

  const reportLeave = useCallback(() => {
    if (!visiting.current) return;
    visiting.current = false;
    void leaveSession(webinarId).catch(() => undefined);
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

  // Jitsi refused the token or lost the connection: fetch a fresh token and rebuild, after a growing pause.
  const reconnecting = phase.kind === 'room' && phase.reconnecting;
  useEffect(() => {
    if (!reconnecting) return;
    const timer = setTimeout(() => void join(), reconnectDelayMs * 2 ** (retries - 1));
    return () => clearTimeout(timer);
  }, [reconnecting, retries, reconnectDelayMs, join]);

  // The hosts ended (or cancelled) the session while we waited or sat in the room.
  const sessionOver = liveState === 'ended' || liveState === 'cancelled';
  const endedByHosts = sessionOver && (phase.kind === 'waiting' || (phase.kind === 'room' && !phase.ending));
  useEffect(() => {
    if (endedByHosts) reportLeave();
  }, [endedByHosts, reportLeave]);

  // Tab closed or navigated away: report the leave with a keepalive request.
  // Restored from the back/forward cache, or back online after a long time: join again for a fresh token.
  const inRoom = phase.kind === 'room';
  useEffect(() => {
    if (!inRoom) return;
    let offlineSince: number | null = null;
    const onPageHide = () => {
      if (!visiting.current) return;
      visiting.current = false;
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

  const left = useCallback(() => {
    reportLeave();
    dispatch({ type: 'left' });
  }, [reportLeave]);

  /** End for everyone: Jitsi's endConference (by the caller), then the same mutation as the dashboard. */
  const endForAll = useCallback(() => {
    dispatch({ type: 'ending', ending: true });
    session.mutate('end', {
      onSuccess: () => {
        reportLeave();
        dispatch({ type: 'ended' });
      },
      onError: () => dispatch({ type: 'ending', ending: false }),
    });
  }, [session, reportLeave]);

  const rejoin = useCallback(() => {
    dispatch({ type: 'joining' });
    void join();
  }, [join]);

  return {
    phase: endedByHosts ? ({ kind: 'ended' } as const) : phase,
    status,
    liveState,
    session,
    rejoin,
    left,
    endForAll,
    inMeeting: useCallback(() => dispatch({ type: 'inMeeting' }), []),
    connectionLost: useCallback(() => dispatch({ type: 'connectionLost' }), []),
    failed: useCallback((message: string) => dispatch({ type: 'failed', message }), []),
  };
}
