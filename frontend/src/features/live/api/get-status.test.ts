import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetch-mock';
import { getLiveStatus } from './get-status';

const scheduled = { state: 'scheduled', starts_at: '2030-01-01T10:00:00Z', started_at: null, ended_at: null, participant_count: 0 };

describe('the public status poll', () => {
  it('sends If-None-Match with the ETag kept beside the last body, and keeps that body on 304', async () => {
    let round = 0;
    const mock = mockFetch({
      'GET /api/webinars/by-slug/demo/status/': () => (round++ === 0 ? json(scheduled, 200, { ETag: '"v1"' }) : { status: 304 }),
    });
    const first = await getLiveStatus('demo');
    expect(first).toEqual({ etag: '"v1"', status: scheduled });
    expect(mock.calls[0]!.headers['if-none-match']).toBeUndefined();
    expect(await getLiveStatus('demo', first)).toBe(first);
    expect(mock.calls[1]!.headers['if-none-match']).toBe('"v1"');
    // Conditional requests bypass the HTTP cache so the browser passes the 304 through.
    expect(mock.calls[1]!.init?.cache).toBe('no-store');
  });

  it('takes the new body and ETag when the status changes', async () => {
    let round = 0;
    mockFetch({
      'GET /api/webinars/by-slug/demo/status/': () =>
        round++ === 0 ? json(scheduled, 200, { ETag: '"v1"' }) : json({ ...scheduled, state: 'live' }, 200, { ETag: '"v2"' }),
    });
    const next = await getLiveStatus('demo', await getLiveStatus('demo'));
    expect(next.status.state).toBe('live');
    expect(next.etag).toBe('"v2"');
  });
});
