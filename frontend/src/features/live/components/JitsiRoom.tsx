import { useEffect, useRef, useState } from 'react';
import { Spinner } from '@/components/ui/Spinner';
import type { JoinInfo } from '@/types/api';
import { isConnectionFailure, LEAVE_GRACE_MS, loadExternalApi, type JitsiMeetApi, type JitsiMeetApiConstructor } from '../jitsi/external-api';

export type LeaveReason = 'left' | 'closed' | 'kicked';

export interface JitsiRoomProps {
  info: JoinInfo;
  /** The person left the conference (hung up, was kicked, or Jitsi closed). Fired once. */
  onLeave: (reason: LeaveReason) => void;
  onReady?: (api: JitsiMeetApi | null) => void;
  /** In a conference: the main room, or a breakout room after a move. */
  onJoined?: () => void;
  /** Jitsi refused the token or lost the connection: the meeting needs a fresh token. */
  onConnectionLost?: () => void;
  /** Anything else that stops the meeting (the script did not load, a fatal conference error). */
  onError?: (message: string) => void;
  leaveGraceMs?: number;
  /** Injected in tests; defaults to loading the script from `info.domain`. */
  loadApi?: (domain: string) => Promise<JitsiMeetApiConstructor>;
}

/**
 * Embeds a Jitsi room through its IFrame API. The meeting is built once per
 * mount: give this component a `key` per room and token (as @jitsi/react-sdk
 * advises), so a fresh token means a fresh meeting. Unmounting disposes it.
 */
export function JitsiRoom({
  info,
  onLeave,
  onReady,
  onJoined,
  onConnectionLost,
  onError,
  leaveGraceMs = LEAVE_GRACE_MS,
  loadApi = loadExternalApi,
}: JitsiRoomProps) {
  const parentRef = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(true);
  // Callbacks in a ref so a parent re-render never rebuilds the meeting.
  const handlers = useRef({ onLeave, onReady, onJoined, onConnectionLost, onError });
  useEffect(() => {
    handlers.current = { onLeave, onReady, onJoined, onConnectionLost, onError };
  });

  useEffect(() => {
    let disposed = false;
    let api: JitsiMeetApi | null = null;
    let left = false;
    let pendingLeave: ReturnType<typeof setTimeout> | undefined;
    const leave = (reason: LeaveReason) => {
      clearTimeout(pendingLeave);
      if (left) return;
      left = true;
      handlers.current.onLeave(reason);
    };

    loadApi(info.domain)
      .then((JitsiMeetExternalAPI) => {
        if (disposed || !parentRef.current) return;
        api = new JitsiMeetExternalAPI(info.domain, {
          roomName: info.room,
          jwt: info.jwt,
          parentNode: parentRef.current,
          width: '100%',
          height: '100%',
          userInfo: { displayName: info.display_name },
          configOverwrite: {
            prejoinConfig: { enabled: false },
            disableDeepLinking: true,
            // Attendees arrive muted; hosts arrive ready to present.
            startWithAudioMuted: !info.moderator,
            startWithVideoMuted: !info.moderator,
          },
        });
        setLoading(false);
        api.addListener('videoConferenceJoined', () => {
          // Back in a conference within the grace period: that was a move to (or from) a breakout room.
          clearTimeout(pendingLeave);
          handlers.current.onJoined?.();
        });
        api.addListener('videoConferenceLeft', () => {
          clearTimeout(pendingLeave);
          pendingLeave = setTimeout(() => leave('left'), leaveGraceMs);
        });
        api.addListener('readyToClose', () => leave('closed'));
        api.addListener('participantKickedOut', (payload) => {
          const kicked = (payload as { kicked?: { local?: boolean } } | undefined)?.kicked;
          if (kicked?.local) leave('kicked');
        });
        api.addListener('errorOccurred', (payload) => {
          // Documented as {name, type, message, isFatal}; some releases wrap it in {error}.
          type JitsiError = { name?: string; type?: string; message?: string; isFatal?: boolean };
          const error = ((payload as { error?: JitsiError } | undefined)?.error ?? payload ?? {}) as JitsiError;
          if (isConnectionFailure(error)) handlers.current.onConnectionLost?.();
          else if (error.isFatal) handlers.current.onError?.(error.message || 'The video room stopped working.');
        });
        handlers.current.onReady?.(api);
      })
      .catch((error: unknown) => {
        if (disposed) return;
        setLoading(false);
        handlers.current.onError?.(error instanceof Error ? error.message : 'Could not load the video room.');
      });

    return () => {
      disposed = true;
      clearTimeout(pendingLeave);
      handlers.current.onReady?.(null);
      api?.dispose();
    };
  }, [info, loadApi, leaveGraceMs]);

  return (
    <div className="jitsi-shell">
      {loading && <Spinner label="Connecting to the room…" />}
      <div ref={parentRef} className="jitsi-frame" role="region" aria-label="Video conference" data-testid="jitsi-container" />
    </div>
  );
}
