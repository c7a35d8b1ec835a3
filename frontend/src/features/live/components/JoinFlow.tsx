import { type ReactNode, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { errorMessage } from '@/lib/errors';
import type { JitsiMeetApi, JitsiMeetApiConstructor } from '../jitsi/external-api';
import { HostRoomControls } from './HostRoomControls';
import { JitsiRoom } from './JitsiRoom';
import { EndedPanel, JoinErrorPanel, JoiningPanel, LeftPanel, RoomUnavailablePanel, WaitingPanel } from './JoinPanels';
import { useJoinFlow } from './use-join-flow';

/**
 * The attendee's (and host's) way into the room: the phases live in
 * `useJoinFlow`; this component picks the panel for each, and the room.
 */
export function JoinFlow({
  webinarId,
  slug,
  title,
  loadApi,
  statusPollMs,
  leaveGraceMs,
  reconnectDelayMs,
  hostTools,
}: {
  /** More controls for hosts in the room, given the meeting's API (the app layer composes features). */
  hostTools?: (api: JitsiMeetApi | null) => ReactNode;
  webinarId: number;
  slug: string;
  title: string;
  loadApi?: (domain: string) => Promise<JitsiMeetApiConstructor>;
  statusPollMs?: number;
  leaveGraceMs?: number;
  reconnectDelayMs?: number;
}) {
  const flow = useJoinFlow({ webinarId, slug, statusPollMs, reconnectDelayMs });
  const [jitsi, setJitsi] = useState<JitsiMeetApi | null>(null);
  const { phase, liveState, session } = flow;

  switch (phase.kind) {
    case 'joining':
      return <JoiningPanel title={title} />;
    case 'waiting':
      return (
        <WaitingPanel
          title={title}
          asHost={phase.asHost}
          liveState={liveState}
          startsAt={flow.status.data?.starts_at}
          statusError={flow.status.error}
          webinarId={webinarId}
          slug={slug}
        />
      );
    case 'left':
      return <LeftPanel slug={slug} onRejoin={flow.rejoin} />;
    case 'ended':
      return <EndedPanel title={title} slug={slug} />;
    case 'error':
      return <JoinErrorPanel error={phase.error} slug={slug} onRetry={flow.rejoin} />;
    case 'room': {
      const { info } = phase;
      if (phase.failure)
        return <RoomUnavailablePanel message={phase.failure} domain={info.domain} isHost={info.moderator} slug={slug} onRejoin={flow.rejoin} />;
      const practice = liveState === 'practice';
      return (
        <section className="room" aria-labelledby="room-title" data-testid="room">
          <header className="room-bar">
            <h1 id="room-title">
              {title} <StatusBadge status={practice ? 'practice' : 'live'} />
            </h1>
            <div className="actions">
              {info.moderator && practice && (
                <Button variant="primary" loading={session.isPending && session.variables === 'open'} loadingText="Going live…" onClick={() => session.mutate('open')}>
                  Go Live
                </Button>
              )}
              {info.moderator && (
                <HostRoomControls
                  api={jitsi}
                  ending={phase.ending}
                  onEndForAll={() => {
                    // Marked as ending first, so the hang-up events Jitsi sends back are not "you left".
                    flow.endForAll();
                    jitsi?.executeCommand('endConference');
                  }}
                />
              )}
              {info.moderator && hostTools?.(jitsi)}
              {/* Our own Leave (Jitsi's hang-up lives inside the iframe): hang up, and the events report the leave. */}
              <Button onClick={() => (jitsi ? jitsi.executeCommand('hangup') : flow.left())}>Leave</Button>
            </div>
          </header>
          {session.error != null && <Alert tone="error">{errorMessage(session.error)}</Alert>}
          {phase.reconnecting && (
            <p role="status" className="meta">
              The connection dropped: reconnecting with a fresh pass…
            </p>
          )}
          <JitsiRoom
            key={`${info.room}:${phase.build}`}
            info={info}
            loadApi={loadApi}
            leaveGraceMs={leaveGraceMs}
            onReady={setJitsi}
            onJoined={flow.inMeeting}
            onLeave={flow.left}
            onConnectionLost={flow.connectionLost}
            onError={flow.failed}
          />
        </section>
      );
    }
  }
}
