/**
 * Runtime configuration, validated once at start-up.
 *
 * The API lives at the same origin (Django serves the built app), so the base
 * is empty by default. The Jitsi domain is deliberately NOT here: it comes from
 * each join answer, so one build serves any deployment.
 */
function readNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`Invalid ${name}: expected a positive number, got "${raw}"`);
  }
  return value;
}

export const config = Object.freeze({
  apiBase: (import.meta.env.VITE_API_BASE ?? '').replace(/\/$/, ''),
  /** How often event and waiting pages poll the public status endpoint. */
  statusPollMs: readNumber('VITE_STATUS_POLL_MS', import.meta.env.VITE_STATUS_POLL_MS, 5000),
  /** How often the host dashboard refreshes "who is in the room now". */
  participantsPollMs: readNumber('VITE_PARTICIPANTS_POLL_MS', import.meta.env.VITE_PARTICIPANTS_POLL_MS, 10000),
});
