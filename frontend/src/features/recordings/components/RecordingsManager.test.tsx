import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import type { Recording } from '../api/recordings';
import { RecordingsManager } from './RecordingsManager';
import { RecordingsPlayer } from './RecordingsPlayer';

afterEach(() => vi.restoreAllMocks());

const ready: Recording = {
  id: 5,
  session: 2,
  status: 'ready',
  published: false,
  size_bytes: 734_000_000,
  duration_seconds: 3725,
  created_at: '2026-11-25T14:00:00Z',
  download_url: '/api/webinars/7/recordings/5/download/?token=abc',
};
const processing: Recording = { ...ready, id: 6, status: 'processing', size_bytes: null, duration_seconds: null, download_url: null };
const page = (results: Recording[]) => json({ count: results.length, next: null, previous: null, results });

describe('RecordingsManager (host dashboard)', () => {
  it('lists recordings with length, size, status and a download link', async () => {
    mockFetch({ 'GET /api/webinars/7/recordings/': page([ready, processing]) });
    renderWithProviders(<RecordingsManager webinarId={7} />);
    expect(await screen.findByText('1:02:05')).toBeInTheDocument();
    expect(screen.getByText('734 MB')).toBeInTheDocument();
    expect(screen.getByText('Processing…')).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: /Download/ });
    expect(links).toHaveLength(1); // nothing to download while processing
    expect(links[0]).toHaveAttribute('href', ready.download_url);
    expect(screen.getAllByRole('button', { name: /^Publish/ })).toHaveLength(1);
  });

  it('publishes with PATCH {published: true} and shows the new state', async () => {
    let current = ready;
    const mock = mockFetch({
      'GET /api/webinars/7/recordings/': () => page([current]),
      'PATCH /api/webinars/7/recordings/5/': (req) => {
        current = { ...ready, published: (req.body as { published: boolean }).published };
        return json(current);
      },
    });
    renderWithProviders(<RecordingsManager webinarId={7} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Publish/ }));
    expect(mock.callsTo('PATCH', '/api/webinars/7/recordings/5/')[0]!.body).toEqual({ published: true });
    expect(await screen.findByRole('button', { name: /^Unpublish/ })).toBeInTheDocument();
  });

  it('deletes after confirmation, and shows the API error when refused', async () => {
    const mock = mockFetch({
      'GET /api/webinars/7/recordings/': page([ready]),
      'DELETE /api/webinars/7/recordings/5/': apiError(403, 'permission_denied'),
    });
    renderWithProviders(<RecordingsManager webinarId={7} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(mock.callsTo('DELETE', '/api/webinars/7/recordings/5/')).toHaveLength(1));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not allowed/);
  });
});

describe('RecordingsPlayer (event page)', () => {
  it('plays each published recording with a download link', async () => {
    mockFetch({ 'GET /api/webinars/7/recordings/': page([{ ...ready, published: true }]) });
    const { container } = renderWithProviders(<RecordingsPlayer webinarId={7} />);
    expect(await screen.findByRole('heading', { name: 'Recording' })).toBeInTheDocument();
    expect(container.querySelector('video')).toHaveAttribute('src', ready.download_url);
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('download');
  });

  it('shows nothing to people the API shows no recordings (404)', async () => {
    const mock = mockFetch({ 'GET /api/webinars/7/recordings/': apiError(404, 'not_found') });
    const { container } = renderWithProviders(<RecordingsPlayer webinarId={7} />);
    await waitFor(() => expect(mock.calls).toHaveLength(1));
    expect(container.querySelector('section')).toBeNull();
  });
});
