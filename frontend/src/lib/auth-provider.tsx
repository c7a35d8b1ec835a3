import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User } from '@/types/api';
import { api } from './api-client';
import { AuthContext, type AuthContextValue, type AuthStatus } from './auth-context';
import { onAccessTokenChange, refreshAccessToken, setAccessToken } from './auth-token';

/**
 * Session bootstrap: on start we ask for a new access token with the HttpOnly
 * refresh cookie (if the person logged in earlier, they stay logged in across
 * reloads without any token in web storage).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<User | null>(null);

  const loadUser = useCallback(async () => {
    const me = await api<User>('/api/auth/me/');
    setUser(me);
    setStatus('authenticated');
    return me;
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await refreshAccessToken();
      if (cancelled) return;
      if (!token) {
        setStatus('anonymous');
        return;
      }
      try {
        await loadUser();
      } catch {
        if (!cancelled) setStatus('anonymous');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [loadUser]);

  // A failed refresh anywhere (e.g. the cookie expired) signs the person out here too.
  useEffect(
    () =>
      onAccessTokenChange((token) => {
        if (!token) {
          setUser(null);
          setStatus('anonymous');
        }
      }),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const tokens = await api<{ access: string }>('/api/auth/token/', {
        method: 'POST',
        body: { username, password },
      });
      // Only the access token is kept (in memory); the refresh token arrives as an HttpOnly cookie.
      setAccessToken(tokens.access);
      return loadUser();
    },
    [loadUser],
  );

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout/', { method: 'POST', body: {} });
    } finally {
      setAccessToken(null);
      setUser(null);
      setStatus('anonymous');
    }
  }, []);

  const reloadUser = useCallback(async () => {
    await loadUser();
  }, [loadUser]);

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, login, logout, reloadUser }),
    [status, user, login, logout, reloadUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
