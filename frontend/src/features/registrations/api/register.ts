import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiFile } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Registration } from '@/types/api';

/**
 * POST /api/webinars/by-slug/{slug}/register/ — by the event page's slug, since an unlisted webinar is
 * not reachable by id until one is registered. Status comes back approved, pending or waitlisted.
 */
export function registerForWebinar(slug: string): Promise<Registration> {
  return api<Registration>(`/api/webinars/by-slug/${encodeURIComponent(slug)}/register/`, { method: 'POST', body: {} });
}

/** POST /api/webinars/{id}/unregister/ — the caller cancels their own registration. */
export function unregisterFromWebinar(webinarId: number): Promise<Registration> {
  return api<Registration>(`/api/webinars/${webinarId}/unregister/`, { method: 'POST', body: {} });
}

function useRegistrationChange<K>(fn: (webinar: K) => Promise<Registration>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Returned, so the mutation stays pending until the webinar (its allowed actions) is fresh.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.webinars }),
        client.invalidateQueries({ queryKey: queryKeys.registrations }),
      ]),
  });
}

export const useRegister = () => useRegistrationChange(registerForWebinar);
export const useUnregister = () => useRegistrationChange(unregisterFromWebinar);

/** GET /api/webinars/{id}/calendar.ics — hosts and approved registrants; fetched with the token. */
export function calendarFile(webinarId: number): ApiFile {
  return { path: `/api/webinars/${webinarId}/calendar.ics`, filename: `webinar-${webinarId}.ics` };
}
