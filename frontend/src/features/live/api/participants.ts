import { useQuery } from '@tanstack/react-query';
import { config } from '@/config/env';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Participant } from '@/types/api';

/** GET /api/webinars/{id}/live/participants/ — hosts: who is in the room now. */
export function listParticipants(webinarId: number, signal?: AbortSignal): Promise<Participant[]> {
  return api<Participant[]>(`/api/webinars/${webinarId}/live/participants/`, { signal });
}

export function useParticipants(webinarId: number) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.participantList(webinarId, viewer),
    queryFn: ({ signal }) => listParticipants(webinarId, signal),
    enabled: ready,
    refetchInterval: config.participantsPollMs,
  });
}
