import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Spinner } from '@/components/ui/Spinner';
import type { JoinInfo } from '@/types/api';
import { loadExternalApi, type JitsiMeetApi, type JitsiMeetApiConstructor } from '../jitsi/external-api';

export type LeaveReason = 'left' | 'closed' | 'kicked';

export interface JitsiRoomProps {
  info: JoinInfo;
  /** The person left the conference (hung up, was kicked, or Jitsi closed). Fired once. */
  onLeave: (reason: LeaveReason) => void;
  onReady?: (api: JitsiMeetApi | null) => void;
  onJoined?: () => void;
  onError?: (message: string, fatal: boolean) => void;
  /** Injected in tests; defaults to loading the script from `info.domain`. */
  loadApi?: (domain: string) => Promise<JitsiMeetApiConstructor>;
}

/**
 * Embeds a Jitsi room through its IFrame API. The meeting is built once per
 * mount: give this component a `key` per room and token (as @jitsi/react-sdk
 * advises), so a fresh token means a fresh meeting. Unmounting disposes it.
 */
export function JitsiRoom({ info, onLeave, onReady, onJoined, onError, loadApi = loadExternalApi }: JitsiRoomProps) {
  const parentRef = useRef<HTMLDivElement>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // Callbacks in a ref so a parent re-render never rebuilds the meeting.
  const handlers = useRef({ onLeave, onReady, onJoined, onError });
  useEffect(() => {
    handlers.current = { onLeave, onReady, onJoined, onError };
  });

  useEffect(() => {
    let disposed = false;
    let api: JitsiMeetApi | null = null;
    let left = false;
    const leave = (reason: LeaveReason) => {
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
        api.addListener('videoConferenceJoined', () => handlers.current.onJoined?.());
        api.addListener('videoConferenceLeft', () => leave('left'));
        api.addListener('readyToClose', () => leave('closed'));
        api.addListener('participantKickedOut', (payload) => {
          const kicked = (payload as { kicked?: { local?: boolean } } | undefined)?.kicked;
          if (kicked?.local) leave('kicked');
        });
        api.addListener('errorOccurred', (payload) => {
          const error = payload as { error?: { message?: string; isFatal?: boolean }; message?: string; isFatal?: boolean };
          const message = error?.error?.message ?? error?.message ?? 'The video connection had a problem.';
          handlers.current.onError?.(message, Boolean(error?.error?.isFatal ?? error?.isFatal));
        });
        handlers.current.onReady?.(api);
      })
      .catch((error: unknown) => {
        if (disposed) return;
        setLoading(false);
        const message = error instanceof Error ? error.message : 'Could not load the video room.';
        setLoadError(message);
        handlers.current.onError?.(message, true);
      });

    return () => {
      disposed = true;
      handlers.current.onReady?.(null);
      api?.dispose();
    };
  }, [info, loadApi]);

  return (
    <div className="jitsi-shell">
      {loading && <Spinner label="Connecting to the room…" />}
      {loadError && <Alert tone="error">{loadError}</Alert>}
      <div ref={parentRef} className="jitsi-frame" role="region" aria-label="Video conference" data-testid="jitsi-container" />
    </div>
  );
}
