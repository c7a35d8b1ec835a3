import { useQuery, useQueryClient } from '@tanstack/react-query';
import { config } from '@/config/env';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PublicStatus } from '@/types/api';

/** What the cache keeps per slug: the last body and its ETag, so the next poll can ask "changed?". */
export interface CachedStatus {
  etag: string | null;
  status: PublicStatus;
}

/**
 * GET /api/webinars/by-slug/{slug}/status/ — public, cached, conditional.
 * Sends If-None-Match with the ETag of `known`; on 304 the known body stays current,
 * so a poll that changes nothing costs the server (and the CDN) almost nothing.
 */
export async function getLiveStatus(slug: string, known?: CachedStatus, signal?: AbortSignal): Promise<CachedStatus> {
  const response = await apiRequest<PublicStatus>(`/api/webinars/by-slug/${encodeURIComponent(slug)}/status/`, {
    headers: known?.etag ? { 'If-None-Match': known.etag } : {},
    allowNotModified: true,
    signal,
  });
  if (response.status === 304) {
    // Without a body we know (should not happen), ask again unconditionally.
    return known ?? getLiveStatus(slug, undefined, signal);
  }
  return { etag: response.headers.get('ETag'), status: response.data };
}

/** Polls the public status every few seconds while the page is open; the page updates itself. */
export function useLiveStatus(slug: string, options: { enabled?: boolean; intervalMs?: number } = {}) {
  const client = useQueryClient();
  const key = queryKeys.status(slug);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getLiveStatus(slug, client.getQueryData<CachedStatus>(key), signal),
    select: (cached) => cached.status,
    enabled: options.enabled ?? true,
    refetchInterval: (query) => {
      const state = query.state.data?.status.state;
      // Ended and cancelled are final: stop polling.
      return state === 'ended' || state === 'cancelled' ? false : (options.intervalMs ?? config.statusPollMs);
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}
