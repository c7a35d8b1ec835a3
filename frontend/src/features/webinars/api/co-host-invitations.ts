import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useViewer } from '@/lib/auth-context';
import { queryKeys } from '@/lib/query-keys';
import type { CoHostInvitation, Paginated, Webinar } from '@/types/api';

/** GET /api/auth/me/co-host-invitations/ — the caller's pending invitations, oldest first. */
export function listMyCoHostInvitations(signal?: AbortSignal): Promise<Paginated<CoHostInvitation>> {
  return api<Paginated<CoHostInvitation>>('/api/auth/me/co-host-invitations/', { query: { page_size: 100 }, signal });
}

export function useMyCoHostInvitations() {
  const { ready, viewer } = useViewer();
  return useQuery({
    queryKey: queryKeys.myCoHostInvitations(viewer),
    queryFn: ({ signal }) => listMyCoHostInvitations(signal),
    enabled: ready,
  });
}

/**
 * POST /api/webinars/{id}/co-hosts/invite/ — hosts invite by exact username (any case). Counts against
 * the username lookup's rate. 400 `unknown_user`; 409 `already_host`, `already_invited`, `too_many_co_hosts`.
 */
export function inviteCoHost(webinarId: number, username: string): Promise<CoHostInvitation> {
  return api<CoHostInvitation>(`/api/webinars/${webinarId}/co-hosts/invite/`, { method: 'POST', body: { username } });
}

/** POST /api/co-host-invitations/{id}/accept/ — the invitee says yes; answers the webinar, now hosted. */
export function acceptCoHostInvitation(invitationId: number): Promise<Webinar> {
  return api<Webinar>(`/api/co-host-invitations/${invitationId}/accept/`, { method: 'POST', body: {} });
}

/** POST /api/co-host-invitations/{id}/decline/ — the invitee says no (204). */
export function declineCoHostInvitation(invitationId: number): Promise<void> {
  return api<void>(`/api/co-host-invitations/${invitationId}/decline/`, { method: 'POST', body: {} });
}

/** DELETE /api/co-host-invitations/{id}/ — a host withdraws an unanswered invitation (204). */
export function withdrawCoHostInvitation(invitationId: number): Promise<void> {
  return api<void>(`/api/co-host-invitations/${invitationId}/`, { method: 'DELETE' });
}

/** POST /api/webinars/{id}/co-hosts/leave/ — a co-host steps down (204); the organizer cannot. */
export function leaveCoHosting(webinarId: number): Promise<void> {
  return api<void>(`/api/webinars/${webinarId}/co-hosts/leave/`, { method: 'POST', body: {} });
}

/** Any change to invitations or co-hosts changes webinars (hosts, `is_host`) and the invitation list. */
function useCoHostChange<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.coHostInvitations });
      void client.invalidateQueries({ queryKey: queryKeys.webinars });
    },
  });
}

export const useAcceptCoHostInvitation = () => useCoHostChange(acceptCoHostInvitation);
export const useDeclineCoHostInvitation = () => useCoHostChange(declineCoHostInvitation);
export const useWithdrawCoHostInvitation = () => useCoHostChange(withdrawCoHostInvitation);
export const useLeaveCoHosting = () => useCoHostChange(leaveCoHosting);
export const useInviteCoHost = () =>
  useCoHostChange(({ webinarId, username }: { webinarId: number; username: string }) => inviteCoHost(webinarId, username));
