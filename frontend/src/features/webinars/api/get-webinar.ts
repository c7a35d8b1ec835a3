import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
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
  return useQuery({
    queryKey: queryKeys.webinarBySlug(slug),
    queryFn: ({ signal }) => getWebinarBySlug(slug, signal),
    enabled: options.enabled ?? true,
  });
}

export function useWebinar(id: number) {
  return useQuery({
    queryKey: queryKeys.webinarById(id),
    queryFn: ({ signal }) => getWebinar(id, signal),
    enabled: Number.isFinite(id),
  });
}
