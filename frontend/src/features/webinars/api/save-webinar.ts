import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Webinar, WebinarInput } from '@/types/api';

/** POST /api/webinars/ — creates a draft; the caller becomes the organizer. */
export function createWebinar(input: WebinarInput): Promise<Webinar> {
  return api<Webinar>('/api/webinars/', { method: 'POST', body: input });
}

/** PATCH /api/webinars/{id}/ — hosts only. */
export function updateWebinar(id: number, input: Partial<WebinarInput>): Promise<Webinar> {
  return api<Webinar>(`/api/webinars/${id}/`, { method: 'PATCH', body: input });
}

export function useCreateWebinar() {
  const client = useQueryClient();
  const { viewer } = useViewer();
  return useMutation({
    mutationFn: createWebinar,
    onSuccess: (webinar) => {
      client.setQueryData(queryKeys.webinarById(webinar.id, viewer), webinar);
      void client.invalidateQueries({ queryKey: queryKeys.webinars });
    },
  });
}

export function useUpdateWebinar(id: number) {
  const client = useQueryClient();
  const { viewer } = useViewer();
  return useMutation({
    mutationFn: (input: Partial<WebinarInput>) => updateWebinar(id, input),
    onSuccess: (webinar) => {
      client.setQueryData(queryKeys.webinarById(webinar.id, viewer), webinar);
      void client.invalidateQueries({ queryKey: queryKeys.webinars });
    },
  });
}
