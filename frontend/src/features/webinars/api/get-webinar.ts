import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Webinar } from '@/types/api';

/** GET /api/webinars/by-slug/{slug}/ — what event pages show. */
export function getWebinarBySlug(slug: string, signal?: AbortSignal): Promise<Webinar> {
  return api<Webinar>(`/api/webinars/by-slug/${encodeURIComponent(slug)}/`, { signal });
}

/** GET /api/webinars/{id}/ */
export function getWebinar(id: number, signal?: AbortSignal): Promise<Webinar> {
  return api<Webinar>(`/api/webinars/${id}/`, { signal });
}

export function useWebinarBySlug(slug: string, options: { enabled?: boolean } = {}) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.webinarBySlug(slug, viewer),
    queryFn: ({ signal }) => getWebinarBySlug(slug, signal),
    enabled: ready && (options.enabled ?? true),
  });
}

export function useWebinar(id: number) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.webinarById(id, viewer),
    queryFn: ({ signal }) => getWebinar(id, signal),
    enabled: ready && Number.isFinite(id),
  });
}
