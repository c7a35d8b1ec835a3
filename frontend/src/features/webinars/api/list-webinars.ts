import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Paginated, Webinar, WebinarStatus } from '@/types/api';

export interface WebinarFilters {
  search?: string;
  tag?: string;
  status?: WebinarStatus | readonly WebinarStatus[];
  starts_after?: string;
  starts_before?: string;
  ordering?: string;
  role?: 'host';
  page?: number;
  page_size?: number;
}

/** GET /api/webinars/ — public listing (or, with role=host, the webinars I host, drafts included). */
export function listWebinars(filters: WebinarFilters, signal?: AbortSignal): Promise<Paginated<Webinar>> {
  return api<Paginated<Webinar>>('/api/webinars/', { query: { ...filters }, signal });
}

export function useWebinars(filters: WebinarFilters, options: { enabled?: boolean } = {}) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.webinarList(filters, viewer),
    queryFn: ({ signal }) => listWebinars(filters, signal),
    placeholderData: keepPreviousData,
    enabled: ready && (options.enabled ?? true),
  });
}
