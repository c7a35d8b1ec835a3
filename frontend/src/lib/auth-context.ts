import { createContext, useContext } from 'react';
import type { User } from '@/types/api';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  reloadUser: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/**
 * Who is asking, for queries whose answer depends on it: `ready` is false until the
 * session is known (a full page load restores it from the refresh cookie), so such
 * queries wait instead of going out anonymously; `viewer` goes into their keys.
 */
export function useViewer(): { ready: boolean; viewer: number | null } {
  const { status, user } = useAuth();
  return { ready: status !== 'loading', viewer: status === 'authenticated' ? (user?.id ?? null) : null };
}
