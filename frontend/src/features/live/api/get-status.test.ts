import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetch-mock';
import { getLiveStatus, resetStatusValidators } from './get-status';

const scheduled = { state: 'scheduled', starts_at: '2030-01-01T10:00:00Z', started_at: null, ended_at: null, participant_count: 0 };

beforeEach(() => resetStatusValidators());

describe('the public status poll', () => {
  it('sends If-None-Match with the last ETag and keeps the last body on 304', async () => {
    let round = 0;
    const mock = mockFetch({
      'GET /api/webinars/by-slug/demo/status/': () => (round++ === 0 ? json(scheduled, 200, { ETag: '"v1"' }) : { status: 304 }),
    });
    expect(await getLiveStatus('demo')).toEqual(scheduled);
    expect(mock.calls[0]!.headers['if-none-match']).toBeUndefined();
    expect(await getLiveStatus('demo')).toEqual(scheduled);
    expect(mock.calls[1]!.headers['if-none-match']).toBe('"v1"');
    // Conditional requests bypass the HTTP cache so the browser passes the 304 through.
    expect(mock.calls[1]!.init?.cache).toBe('no-store');
  });

  it('takes the new body when the status changes', async () => {
    let round = 0;
    mockFetch({
      'GET /api/webinars/by-slug/demo/status/': () =>
        round++ === 0 ? json(scheduled, 200, { ETag: '"v1"' }) : json({ ...scheduled, state: 'live' }, 200, { ETag: '"v2"' }),
    });
    await getLiveStatus('demo');
    expect((await getLiveStatus('demo')).state).toBe('live');
  });
});
