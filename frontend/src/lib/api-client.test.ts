import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { api, ApiError, apiRequest, downloadFile } from './api-client';
import { getAccessToken, setAccessToken } from './auth-token';
import { errorMessage, fieldErrors } from './errors';

afterEach(() => setAccessToken(null));

describe('the api client', () => {
  it('sends the bearer token and JSON body', async () => {
    setAccessToken('access-1');
    const mock = mockFetch({ 'POST /api/webinars/': json({ id: 7 }, 201) });
    const result = await api<{ id: number }>('/api/webinars/', { method: 'POST', body: { title: 'x' } });
    expect(result).toEqual({ id: 7 });
    expect(mock.calls[0]!.headers.authorization).toBe('Bearer access-1');
    expect(mock.calls[0]!.body).toEqual({ title: 'x' });
  });

  it('drops empty query parameters', async () => {
    const mock = mockFetch({ '/api/webinars/': json({ count: 0, results: [] }) });
    await api('/api/webinars/', { query: { search: 'py', tag: '', status: undefined, page: 2 } });
    expect(mock.calls[0]!.url).toBe('/api/webinars/?search=py&page=2');
    await api('/api/webinars/', { query: { status: ['scheduled', 'live'] } });
    expect(mock.calls[1]!.url).toBe('/api/webinars/?status=scheduled&status=live');
  });

  it('unwraps the error shape {code, detail, fields} into an ApiError', async () => {
    mockFetch({
      'POST /api/webinars/': apiError(400, 'validation_error', 'Invalid input.', { title: ['This field is required.'] }),
    });
    const error = await api('/api/webinars/', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_error', fields: { title: ['This field is required.'] } });
    expect(fieldErrors(error)).toEqual({ title: 'This field is required.' });
    expect(errorMessage(error)).toBe('Please correct the highlighted fields.');
  });

  it('gives a clear message for each live error code', async () => {
    mockFetch({ 'POST /api/webinars/3/live/join/': apiError(409, 'session_not_open', 'Not open yet.') });
    const error = await api('/api/webinars/3/live/join/', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(errorMessage(error)).toMatch(/not opened yet/);
    expect(errorMessage(new ApiError(409, 'session_ended', ''))).toBe('This session has ended.');
    expect(errorMessage(new ApiError(403, 'permission_denied', ''))).toBe('You are not allowed to do that.');
    expect(errorMessage(new ApiError(409, 'registration_closed', ''))).toMatch(/closed/);
    expect(errorMessage(new ApiError(409, 'some_new_code', 'Server says why.'))).toBe('Server says why.');
  });

  it('tolerates error responses that are not JSON', async () => {
    const spy = mockFetch({}).spy;
    spy.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await api('/api/webinars/').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'server_error' });
  });

  it('turns a network failure into a network_error', async () => {
    mockFetch({}).spy.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await api('/api/webinars/').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('refreshes an expired access token once with the cookie and retries', async () => {
    setAccessToken('expired');
    const mock = mockFetch({
      'GET /api/auth/me/': (req) =>
        req.headers.authorization === 'Bearer fresh' ? json({ id: 1 }) : apiError(401, 'token_not_valid'),
      'POST /api/auth/token/refresh/': json({ access: 'fresh', refresh: 'ignored' }),
    });
    expect(await api('/api/auth/me/')).toEqual({ id: 1 });
    const refresh = mock.callsTo('POST', '/api/auth/token/refresh/');
    expect(refresh).toHaveLength(1);
    // An empty JSON body: the backend reads the HttpOnly cookie instead.
    expect(refresh[0]!.body).toEqual({});
    expect(refresh[0]!.init?.credentials).toBe('same-origin');
    expect(getAccessToken()).toBe('fresh');
  });

  it('shares one refresh between concurrent 401s (refresh tokens rotate)', async () => {
    setAccessToken('expired');
    const mock = mockFetch({
      '/api/a/': (req) => (req.headers.authorization === 'Bearer fresh' ? json('a') : apiError(401, 'token_not_valid')),
      '/api/b/': (req) => (req.headers.authorization === 'Bearer fresh' ? json('b') : apiError(401, 'token_not_valid')),
      'POST /api/auth/token/refresh/': json({ access: 'fresh' }),
    });
    expect(await Promise.all([api('/api/a/'), api('/api/b/')])).toEqual(['a', 'b']);
    expect(mock.callsTo('POST', '/api/auth/token/refresh/')).toHaveLength(1);
  });

  it('refreshes once for downloads too (the same path as every request)', async () => {
    setAccessToken('expired');
    URL.createObjectURL = vi.fn(() => 'blob:csv');
    URL.revokeObjectURL = vi.fn();
    const mock = mockFetch({
      'GET /api/webinars/5/attendance.csv': (req) =>
        req.headers.authorization === 'Bearer fresh' ? { status: 200, body: 'name\n', headers: { 'Content-Type': 'text/csv' } } : apiError(401, 'token_not_valid'),
      'POST /api/auth/token/refresh/': json({ access: 'fresh' }),
    });
    await downloadFile({ path: '/api/webinars/5/attendance.csv', filename: 'attendance-5.csv' });
    expect(mock.callsTo('GET', '/api/webinars/5/attendance.csv')).toHaveLength(2);
    expect(mock.callsTo('POST', '/api/auth/token/refresh/')).toHaveLength(1);
    expect(URL.createObjectURL).toHaveBeenCalledOnce();
  });

  it('takes a 204 from the refresh endpoint as "no session"', async () => {
    setAccessToken('expired');
    mockFetch({
      'GET /api/auth/me/': apiError(401, 'token_not_valid'),
      'POST /api/auth/token/refresh/': { status: 204 },
    });
    await expect(api('/api/auth/me/')).rejects.toMatchObject({ status: 401 });
    expect(getAccessToken()).toBeNull();
  });

  it('signs out when the refresh cookie is no longer valid', async () => {
    setAccessToken('expired');
    mockFetch({
      'GET /api/auth/me/': apiError(401, 'token_not_valid'),
      'POST /api/auth/token/refresh/': apiError(401, 'token_not_valid'),
    });
    await expect(api('/api/auth/me/')).rejects.toMatchObject({ status: 401 });
    expect(getAccessToken()).toBeNull();
  });

  it('never writes tokens to web storage', async () => {
    mockFetch({ 'POST /api/auth/token/refresh/': json({ access: 'a', refresh: 'r' }), '/api/x/': json({}) });
    setAccessToken('a');
    await apiRequest('/api/x/');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });
});

describe('access token renewal', () => {
  it('renews a minute before the access token expires', async () => {
    vi.useFakeTimers();
    try {
      const mock = mockFetch({ 'POST /api/auth/token/refresh/': json({ access: 'renewed' }) });
      const exp = Math.floor(Date.now() / 1000) + 15 * 60;
      const payload = btoa(JSON.stringify({ exp })).replace(/=+$/, '');
      setAccessToken(`header.${payload}.sig`);
      await vi.advanceTimersByTimeAsync(13 * 60_000);
      expect(mock.callsTo('POST', '/api/auth/token/refresh/')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(2 * 60_000);
      expect(mock.callsTo('POST', '/api/auth/token/refresh/')).toHaveLength(1);
      expect(getAccessToken()).toBe('renewed');
    } finally {
      vi.useRealTimers();
    }
  });
});
