/**
 * The access token lives in memory only (never localStorage/sessionStorage), so
 * an injected script cannot lift a long-lived credential from storage. The
 * refresh token is an HttpOnly cookie (`stagecall_refresh`, path /api/auth/,
 * SameSite=Strict) set by the backend, which JavaScript cannot read at all.
 */
import { config } from '@/config/env';

type Listener = (token: string | null) => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();
let inflightRefresh: Promise<string | null> | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;

/** Seconds-since-epoch expiry of a JWT, read without verifying (the server verifies). */
export function tokenExpiry(token: string): number | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const payload = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}

/**
 * Renew a minute before the access token expires, so a long stay in the room
 * still has a valid token for the leave report sent while the page unloads
 * (there is no time to refresh then).
 */
function scheduleRenewal(token: string | null): void {
  clearTimeout(renewTimer);
  const exp = token ? tokenExpiry(token) : null;
  if (!exp) return;
  const delay = exp * 1000 - Date.now() - 60_000;
  if (delay > 0) renewTimer = setTimeout(() => void refreshAccessToken(), Math.min(delay, 2 ** 31 - 1));
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  if (token === accessToken) return;
  accessToken = token;
  scheduleRenewal(token);
  listeners.forEach((listener) => listener(token));
}

export function onAccessTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Trade the refresh cookie for a new access token. Concurrent callers share one
 * request: refresh tokens rotate, so two parallel refreshes would race and the
 * loser would present an already-blacklisted token.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!inflightRefresh) {
    inflightRefresh = (async () => {
      try {
        const response = await fetch(`${config.apiBase}/api/auth/token/refresh/`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: '{}',
        });
        // 204: there is no session (no refresh cookie), the answer every anonymous visit gets.
        if (response.status === 204) {
          setAccessToken(null);
          return null;
        }
        if (!response.ok) {
          // 400/401/403: the cookie is missing, expired or blacklisted, so the session is over.
          // 429/5xx say nothing about the session: keep the current token and let the caller fail.
          if (response.status < 500 && response.status !== 429) setAccessToken(null);
          return null;
        }
        const data = (await response.json()) as { access?: string };
        setAccessToken(data.access ?? null);
        return data.access ?? null;
      } catch {
        // Offline: keep whatever token we had; the caller shows the network error.
        return null;
      } finally {
        inflightRefresh = null;
      }
    })();
  }
  return inflightRefresh;
}
