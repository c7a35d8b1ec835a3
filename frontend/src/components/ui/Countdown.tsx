import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/format';

/**
 * "Starts in 2 hours 5 minutes", ticking. Not a live region on purpose: a screen
 * reader would otherwise hear every second. Renders nothing once the time has come.
 */
export function Countdown({ to, prefix = 'Starts in' }: { to: string; prefix?: string }) {
  const target = new Date(to).getTime();
  const [now, setNow] = useState(() => Date.now());
  const left = target - now;
  useEffect(() => {
    if (!(left > 0)) return;
    // Every second in the last hour, every half minute before that.
    const timer = setTimeout(() => setNow(Date.now()), left < 3_600_000 ? 1000 : 30_000);
    return () => clearTimeout(timer);
  }, [left]);
  if (!(left > 0)) return null;
  return (
    <span className="countdown" data-testid="countdown">
      {prefix} {formatDuration(left)}
    </span>
  );
}
