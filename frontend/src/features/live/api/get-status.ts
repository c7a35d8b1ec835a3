import { useQuery } from '@tanstack/react-query';
import { config } from '@/config/env';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PublicStatus } from '@/types/api';

/** Last ETag and body per slug, so a 304 costs the server (and the CDN) almost nothing. */
const validators = new Map<string, { etag: string; data: PublicStatus }>();

/**
 * GET /api/webinars/by-slug/{slug}/status/ — public, cached, conditional.
 * Sends If-None-Match with the last ETag; on 304 the last body stays current.
 */
export async function getLiveStatus(slug: string, signal?: AbortSignal): Promise<PublicStatus> {
  const known = validators.get(slug);
  const response = await apiRequest<PublicStatus>(`/api/webinars/by-slug/${encodeURIComponent(slug)}/status/`, {
    headers: known ? { 'If-None-Match': known.etag } : {},
    allowNotModified: true,
    signal,
  });
  if (response.status === 304 && known) return known.data;
  if (response.status === 304) {
    // A 304 without a body we know (should not happen): ask again unconditionally.
    validators.delete(slug);
    return getLiveStatus(slug, signal);
  }
  const etag = response.headers.get('ETag');
  if (etag) validators.set(slug, { etag, data: response.data });
  return response.data;
}

/** For tests. */
export function resetStatusValidators(): void {
  validators.clear();
}

/** Polls the public status every few seconds while the page is open; the page updates itself. */
export function useLiveStatus(slug: string, options: { enabled?: boolean; intervalMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.status(slug),
    queryFn: ({ signal }) => getLiveStatus(slug, signal),
    enabled: options.enabled ?? true,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      // Ended and cancelled are final: stop polling.
      return state === 'ended' || state === 'cancelled' ? false : (options.intervalMs ?? config.statusPollMs);
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
  });
}
