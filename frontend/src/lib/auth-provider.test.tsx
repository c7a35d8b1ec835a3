import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { useAuth } from './auth-context';
import { AuthProvider } from './auth-provider';
import { getAccessToken, setAccessToken } from './auth-token';

function Probe() {
  const { status, user, login, logout } = useAuth();
  return (
    <div>
      <p data-testid="status">{status}</p>
      <p data-testid="user">{user?.username ?? ''}</p>
      <button onClick={() => void login('alice', 'pw')}>login</button>
      <button onClick={() => void logout()}>logout</button>
    </div>
  );
}

const me = { id: 1, username: 'alice', email: 'a@example.com', display_name: 'Alice', avatar_url: '', is_staff: false, timezone: '', email_reminders: true, email_follow_ups: true };

afterEach(() => setAccessToken(null));

describe('the session', () => {
  it('restores a session on start from the HttpOnly refresh cookie', async () => {
    const mock = mockFetch({ 'POST /api/auth/token/refresh/': json({ access: 'a1', refresh: 'r1' }), 'GET /api/auth/me/': json(me) });
    render(<AuthProvider><Probe /></AuthProvider>);
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    expect(await screen.findByText('alice')).toBeInTheDocument();
    expect(screen.getByTestId('status')).toHaveTextContent('authenticated');
    expect(mock.callsTo('GET', '/api/auth/me/')[0]!.headers.authorization).toBe('Bearer a1');
  });

  it('is anonymous when there is no refresh cookie', async () => {
    mockFetch({ 'POST /api/auth/token/refresh/': apiError(401, 'not_authenticated') });
    render(<AuthProvider><Probe /></AuthProvider>);
    expect(await screen.findByText('anonymous')).toBeInTheDocument();
  });

  it('keeps only the access token, in memory, and logs out through the API', async () => {
    const mock = mockFetch({
      'POST /api/auth/token/refresh/': apiError(401, 'not_authenticated'),
      'POST /api/auth/token/': json({ access: 'a2', refresh: 'r2' }),
      'GET /api/auth/me/': json(me),
      'POST /api/auth/logout/': { status: 204 },
    });
    render(<AuthProvider><Probe /></AuthProvider>);
    await screen.findByText('anonymous');
    await act(async () => screen.getByText('login').click());
    expect(await screen.findByText('authenticated')).toBeInTheDocument();
    expect(getAccessToken()).toBe('a2');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('r2');
    await act(async () => screen.getByText('logout').click());
    expect(await screen.findByText('anonymous')).toBeInTheDocument();
    expect(getAccessToken()).toBeNull();
    expect(mock.callsTo('POST', '/api/auth/logout/')).toHaveLength(1);
  });
});
