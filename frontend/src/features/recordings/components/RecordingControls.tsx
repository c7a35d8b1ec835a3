import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/Button';

/**
 * The slice of Jitsi's external API these controls use. Structural on purpose: features do not import
 * each other, and `live`'s JitsiMeetApi satisfies it.
 */
export interface RecordingCommandTarget {
  addListener(event: string, listener: (payload?: unknown) => void): void;
  removeListener?(event: string, listener: (payload?: unknown) => void): void;
  executeCommand(command: string, ...args: unknown[]): void;
}

type State = 'off' | 'starting' | 'on' | 'stopping';
const PENDING_TIMEOUT_MS = 30_000;

interface RecordingStatus {
  on?: boolean;
  mode?: string;
  error?: string;
}

/**
 * Start / Stop recording for hosts in the room, through the external API (`startRecording` with
 * `{mode: 'file'}`, `stopRecording('file')`). The state follows `recordingStatusChanged`; Jicofo only
 * obeys a moderator, and a Jibri must be free (docs/recordings.md).
 */
export function RecordingControls({ api }: { api: RecordingCommandTarget | null }) {
  const [state, setState] = useState<State>('off');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!api) return;
    const onStatus = (payload?: unknown) => {
      const status = (payload ?? {}) as RecordingStatus;
      if (status.mode && status.mode !== 'file') return; // live streaming is not ours
      if (status.error) {
        setState('off');
        setNotice(`Recording failed: ${status.error}.`);
      } else if (status.on) {
        setState('on');
        setNotice('Recording. Everyone in the room is told.');
      } else {
        setState('off');
        setNotice('Recording stopped. It appears on the dashboard when it is processed.');
      }
    };
    api.addListener('recordingStatusChanged', onStatus);
    return () => api.removeListener?.('recordingStatusChanged', onStatus);
  }, [api]);

  // No answer from Jitsi (an old deployment, a lost event): give the button back after a while.
  useEffect(() => {
    if (state !== 'starting' && state !== 'stopping') return;
    const timer = setTimeout(() => {
      setState(state === 'starting' ? 'off' : 'on');
      setNotice('Jitsi did not confirm. Try again, or check that a recorder is available.');
    }, PENDING_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const recording = state === 'on' || state === 'stopping';
  return (
    <div className="recording-controls" role="group" aria-label="Recording">
      <Button
        disabled={!api || state === 'starting' || state === 'stopping'}
        variant={recording ? 'danger' : undefined}
        aria-pressed={recording}
        onClick={() => {
          if (recording) {
            api?.executeCommand('stopRecording', 'file');
            setState('stopping');
            setNotice('Stopping the recording…');
          } else {
            api?.executeCommand('startRecording', { mode: 'file' });
            setState('starting');
            setNotice('Starting the recording…');
          }
        }}
      >
        {recording ? 'Stop recording' : 'Start recording'}
      </Button>
      {recording && <span className="recording-indicator">● REC</span>}
      <span className="visually-hidden" role="status">
        {notice}
      </span>
    </div>
  );
}
