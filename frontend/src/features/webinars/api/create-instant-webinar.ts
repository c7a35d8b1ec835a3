import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { InstantWebinar } from '@/types/api';

/** POST /api/webinars/instant/ — an unlisted webinar, live at once, with a shareable event link. */
export function createInstantWebinar(title?: string): Promise<InstantWebinar> {
  return api<InstantWebinar>('/api/webinars/instant/', { method: 'POST', body: title ? { title } : {} });
}

export function useCreateInstantWebinar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createInstantWebinar,
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.webinars }),
  });
}
