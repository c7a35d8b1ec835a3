import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PublicUser } from '@/types/api';

/**
 * GET /api/auth/users/lookup/?username= — one active account by its exact username (any case),
 * else 404 `not_found`. There is no partial search, on purpose: accounts are not a list to browse.
 */
export function lookupUser(username: string): Promise<PublicUser> {
  return api<PublicUser>('/api/auth/users/lookup/', { query: { username } });
}

/** Looked up on demand (the Add button), not kept in sync, so a mutation rather than a cached query. */
export function useLookupUser() {
  return useMutation({ mutationFn: lookupUser });
}
