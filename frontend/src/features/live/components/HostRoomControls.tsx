import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import type { JitsiMeetApi } from '../jitsi/external-api';

/**
 * Webinar controls for hosts beside Jitsi's own toolbar, through the external
 * API's commands. (Jitsi only obeys them if this participant is a moderator.)
 */
export function HostRoomControls({
  api,
  ending,
  onEndForAll,
}: {
  api: JitsiMeetApi | null;
  ending: boolean;
  onEndForAll: () => void;
}) {
  const [notice, setNotice] = useState('');
  return (
    <div className="host-controls" role="toolbar" aria-label="Host controls">
      <Button
        disabled={!api}
        onClick={() => {
          api?.executeCommand('muteEveryone');
          setNotice('Everyone else has been muted.');
        }}
      >
        Mute everyone
      </Button>
      <ConfirmButton question="End the webinar for everyone?" confirmLabel="Yes, end for all" onConfirm={onEndForAll} loading={ending}>
        End for all
      </ConfirmButton>
      <span className="visually-hidden" role="status">
        {notice}
      </span>
    </div>
  );
}
