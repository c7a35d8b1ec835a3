import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { config } from '@/config/env';
import { api, isApiError } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Paginated, Recording } from '@/types/api';

/**
 * GET /api/webinars/{id}/recordings/ — hosts: every recording; approved registrants: published ones.
 * Anyone else gets 404, which this turns into "no recordings to show" (null), not an error.
 */
export async function listRecordings(webinarId: number, signal?: AbortSignal): Promise<Recording[] | null> {
  try {
    const page = await api<Paginated<Recording>>(`/api/webinars/${webinarId}/recordings/`, { query: { page_size: 100 }, signal });
    return page.results;
  } catch (error) {
    if (isApiError(error, 'not_found') || isApiError(error, 'not_authenticated')) return null;
    throw error;
  }
}

export function useRecordings(webinarId: number, { enabled = true, pollWhileProcessing = false } = {}) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.recordingList(webinarId, viewer),
    queryFn: ({ signal }) => listRecordings(webinarId, signal),
    enabled: ready && enabled,
    // Hosts wait for the worker to copy a new file: poll while one is still processing.
    refetchInterval: (query) =>
      pollWhileProcessing && query.state.data?.some((recording) => recording.status === 'processing') ? 10_000 : false,
  });
}

/** PATCH /api/webinars/{id}/recordings/{rid}/ {published} — hosts only; 409 recording_not_ready. */
export function setPublished(webinarId: number, recordingId: number, published: boolean) {
  return api<Recording>(`/api/webinars/${webinarId}/recordings/${recordingId}/`, { method: 'PATCH', body: { published } });
}

/** DELETE /api/webinars/{id}/recordings/{rid}/ — hosts only; the file goes too. */
export function deleteRecording(webinarId: number, recordingId: number) {
  return api<void>(`/api/webinars/${webinarId}/recordings/${recordingId}/`, { method: 'DELETE' });
}

export function useSetPublished(webinarId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, published }: { id: number; published: boolean }) => setPublished(webinarId, id, published),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.recordings(webinarId) }),
  });
}

export function useDeleteRecording(webinarId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteRecording(webinarId, id),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.recordings(webinarId) }),
  });
}

/** The signed link as the browser must request it (the API may live under VITE_API_BASE). */
export function mediaUrl(recording: Recording): string | null {
  return recording.download_url ? `${config.apiBase}${recording.download_url}` : null;
}
