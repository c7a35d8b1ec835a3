import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { LiveSession } from '@/types/api';

/** POST /api/webinars/{id}/live/start/ — `practice` opens the green room; idempotent. */
export function startSession(webinarId: number, practice: boolean): Promise<LiveSession> {
  return api<LiveSession>(`/api/webinars/${webinarId}/live/start/`, { method: 'POST', body: { practice } });
}

/** POST /api/webinars/{id}/live/open/ — practice → live: attendees are admitted. */
export function openSession(webinarId: number): Promise<LiveSession> {
  return api<LiveSession>(`/api/webinars/${webinarId}/live/open/`, { method: 'POST', body: {} });
}

/** POST /api/webinars/{id}/live/end/ — no join token is issued afterwards. */
export function endSession(webinarId: number): Promise<LiveSession> {
  return api<LiveSession>(`/api/webinars/${webinarId}/live/end/`, { method: 'POST', body: {} });
}

export type SessionAction = 'practice' | 'live' | 'open' | 'end';

export function runSessionAction(webinarId: number, action: SessionAction): Promise<LiveSession> {
  switch (action) {
    case 'practice':
      return startSession(webinarId, true);
    case 'live':
      return startSession(webinarId, false);
    case 'open':
      return openSession(webinarId);
    case 'end':
      return endSession(webinarId);
  }
}

export function useSessionAction(webinarId: number, slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: SessionAction) => runSessionAction(webinarId, action),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.status(slug) });
      void client.invalidateQueries({ queryKey: queryKeys.webinars });
      void client.invalidateQueries({ queryKey: queryKeys.participants(webinarId) });
    },
  });
}
