import { api, buildUrl } from '@/lib/api-client';
import { getAccessToken } from '@/lib/auth-token';
import type { JoinInfo } from '@/types/api';

/**
 * POST /api/webinars/{id}/live/join/ — everything needed to embed the room.
 * Every call issues a fresh short-lived Jitsi token: a reload or a reconnect
 * simply joins again. 409 session_not_open means "wait".
 */
export function joinSession(webinarId: number): Promise<JoinInfo> {
  return api<JoinInfo>(`/api/webinars/${webinarId}/live/join/`, { method: 'POST', body: {} });
}

/** POST /api/webinars/{id}/live/leave/ — records the leave for attendance. */
export function leaveSession(webinarId: number): Promise<void> {
  return api<void>(`/api/webinars/${webinarId}/live/leave/`, { method: 'POST', body: {} });
}

/**
 * Report the leave while the page is going away (tab closed, navigation).
 * `fetch(..., {keepalive: true})` outlives the page like sendBeacon, but unlike
 * sendBeacon it can carry the Authorization header.
 */
export function leaveSessionOnUnload(webinarId: number): void {
  const token = getAccessToken();
  try {
    void fetch(buildUrl(`/api/webinars/${webinarId}/live/leave/`), {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: '{}',
    }).catch(() => undefined);
  } catch {
    // Nothing more can be done while the page unloads.
  }
}
