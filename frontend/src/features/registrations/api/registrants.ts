import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiFile } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { Paginated, Registration, RegistrationStatus } from '@/types/api';

export interface RegistrantFilters {
  status?: RegistrationStatus | '';
  search?: string;
}

/** GET /api/webinars/{id}/registrations/ — hosts only. */
export function listRegistrants(webinarId: number, filters: RegistrantFilters, signal?: AbortSignal) {
  return api<Paginated<Registration>>(`/api/webinars/${webinarId}/registrations/`, {
    query: { ...filters, page_size: 100 },
    signal,
  });
}

export function useRegistrants(webinarId: number, filters: RegistrantFilters) {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.registrantList(webinarId, filters, viewer),
    enabled: ready,
    queryFn: ({ signal }) => listRegistrants(webinarId, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export type Decision = 'approve' | 'reject';

/** POST /api/webinars/{id}/registrations/{rid}/approve/ | /reject/ */
export function decideRegistration(webinarId: number, registrationId: number, action: Decision) {
  return api<Registration>(`/api/webinars/${webinarId}/registrations/${registrationId}/${action}/`, {
    method: 'POST',
    body: {},
  });
}

/** POST /api/webinars/{id}/registrations/bulk/ {action, ids} */
export function decideRegistrations(webinarId: number, ids: number[], action: Decision) {
  return api<{ results: Registration[] }>(`/api/webinars/${webinarId}/registrations/bulk/`, {
    method: 'POST',
    body: { action, ids },
  });
}

export function useDecideRegistrations(webinarId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, action }: { ids: number[]; action: Decision }): Promise<Registration[]> =>
      ids.length === 1
        ? [await decideRegistration(webinarId, ids[0]!, action)]
        : (await decideRegistrations(webinarId, ids, action)).results,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.registrants(webinarId) });
      void client.invalidateQueries({ queryKey: queryKeys.webinars });
    },
  });
}

/** GET /api/webinars/{id}/registrations.csv — needs the bearer token, so it is fetched, not linked. */
export function registrantsCsv(webinarId: number): ApiFile {
  return { path: `/api/webinars/${webinarId}/registrations.csv`, filename: `registrations-${webinarId}.csv` };
}
