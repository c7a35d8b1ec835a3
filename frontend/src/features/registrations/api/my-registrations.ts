import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Paginated, Registration } from '@/types/api';

/** GET /api/auth/me/registrations/ */
export function listMyRegistrations(signal?: AbortSignal): Promise<Paginated<Registration>> {
  return api<Paginated<Registration>>('/api/auth/me/registrations/', { query: { page_size: 100 }, signal });
}

export function useMyRegistrations() {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.myRegistrations(viewer),
    queryFn: ({ signal }) => listMyRegistrations(signal),
    enabled: ready,
  });
}
