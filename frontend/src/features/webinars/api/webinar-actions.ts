import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Webinar } from '@/types/api';

/** POST /api/webinars/{id}/publish/ — draft → scheduled (409 illegal_transition otherwise). */
export function publishWebinar(id: number): Promise<Webinar> {
  return api<Webinar>(`/api/webinars/${id}/publish/`, { method: 'POST', body: {} });
}

/** POST /api/webinars/{id}/cancel/ — registrants are notified by the backend. */
export function cancelWebinar(id: number): Promise<Webinar> {
  return api<Webinar>(`/api/webinars/${id}/cancel/`, { method: 'POST', body: {} });
}

function useWebinarAction(action: (id: number) => Promise<Webinar>) {
  const client = useQueryClient();
  const { viewer } = useViewer();
  return useMutation({
    mutationFn: action,
    onSuccess: (webinar) => {
      if (webinar && typeof webinar === 'object' && 'id' in webinar) {
        client.setQueryData(queryKeys.webinarById(webinar.id, viewer), webinar);
      }
      void client.invalidateQueries({ queryKey: queryKeys.webinars });
      void client.invalidateQueries({ queryKey: queryKeys.statuses });
    },
  });
}

export const usePublishWebinar = () => useWebinarAction(publishWebinar);
export const useCancelWebinar = () => useWebinarAction(cancelWebinar);
