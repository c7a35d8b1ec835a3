import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Paginated, Registration } from '@/types/api';

/** GET /api/auth/me/registrations/ */
export function listMyRegistrations(signal?: AbortSignal): Promise<Paginated<Registration>> {
  return api<Paginated<Registration>>('/api/auth/me/registrations/', { query: { page_size: 100 }, signal });
}

export function useMyRegistrations() {
  return useQuery({ queryKey: queryKeys.myRegistrations, queryFn: ({ signal }) => listMyRegistrations(signal) });
}
