import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/query-keys';
import { json, mockFetch } from '@/test/fetch-mock';
import { fakeAuth, renderWithProviders } from '@/test/render';
import type { Webinar } from '@/types/api';
import { EventPage } from './EventPage';

const webinar: Webinar = {
  id: 5,
  slug: 'demo',
  title: 'Demo webinar',
  description: 'All about demos.',
  starts_at: '2030-01-01T10:00:00Z',
  ends_at: '2030-01-01T11:00:00Z',
  capacity: 10,
  registration_policy: 'open',
  visibility: 'public',
  status: 'scheduled',
  organizer: 2,
  co_hosts: [],
  co_host_details: [],
  co_host_invitations: [],
  tags: ['demo'],
  organizer_name: 'Olga Organizer',
  is_host: false,
  my_registration: null,
  approved_count: 9,
  allowed_actions: ['register'],
  event_url: 'http://127.0.0.1:8000/w/demo',
};

describe('the event page', () => {
  it('asks anonymous visitors to log in to register', async () => {
    mockFetch({
      'GET /api/webinars/by-slug/demo/': json(webinar),
      'GET /api/webinars/by-slug/demo/status/': json({ state: 'scheduled', starts_at: webinar.starts_at, started_at: null, ended_at: null, participant_count: 0 }),
    });
    renderWithProviders(<EventPage />, { path: '/w/:slug', route: '/w/demo', auth: fakeAuth({ status: 'anonymous', user: null }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo webinar' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in to register' })).toHaveAttribute('href', '/login?next=%2Fw%2Fdemo');
    expect(screen.getByText('9 of 10 taken')).toBeInTheDocument();
  });

  it('registers, says where the person stands (waitlist), and offers to cancel', async () => {
    let registered = false;
    mockFetch({
      'GET /api/webinars/by-slug/demo/': () => json({ ...webinar, my_registration: registered ? { id: 8, status: 'waitlisted' } : null, allowed_actions: [registered ? 'unregister' : 'register'] }),
      'GET /api/webinars/by-slug/demo/status/': json({ state: 'scheduled', starts_at: webinar.starts_at, started_at: null, ended_at: null, participant_count: 0 }),
      'POST /api/webinars/by-slug/demo/register/': () => {
        registered = true;
        return json({ id: 8, webinar: 5, user: 1, status: 'waitlisted', created_at: '2030-01-01T00:00:00Z' }, 201);
      },
    });
    renderWithProviders(<EventPage />, { path: '/w/:slug', route: '/w/demo' });
    await userEvent.click(await screen.findByRole('button', { name: 'Register' }));
    expect(await screen.findByText(/you are on the waitlist/i)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel registration' })).toBeInTheDocument();
  });

  it('updates itself when the webinar goes live (no reload) and offers Join', async () => {
    let state = 'scheduled';
    const mock = mockFetch({
      'GET /api/webinars/by-slug/demo/': json({ ...webinar, my_registration: { id: 8, status: 'approved' } }),
      'GET /api/webinars/by-slug/demo/status/': (req) => {
        const etag = `"${state}"`;
        if (req.headers['if-none-match'] === etag) return { status: 304 };
        return json({ state, starts_at: webinar.starts_at, started_at: null, ended_at: null, participant_count: 4 }, 200, { ETag: etag });
      },
    });
    const { client } = renderWithProviders(<EventPage />, { path: '/w/:slug', route: '/w/demo' });
    expect(await screen.findByRole('link', { name: 'Go to the waiting room' })).toHaveAttribute('href', '/w/demo/live');
    expect(screen.getByTestId('live-status')).toHaveTextContent('Not started yet.');

    state = 'live';
    await client.refetchQueries({ queryKey: queryKeys.status('demo') });
    await waitFor(() => expect(screen.getByTestId('live-status')).toHaveTextContent('Live now!'));
    expect(screen.getByTestId('live-status')).toHaveTextContent('4 people watching');
    expect(screen.getByRole('link', { name: 'Join now' })).toHaveAttribute('href', '/w/demo/live');
    const polls = mock.callsTo('GET', '/api/webinars/by-slug/demo/status/');
    expect(polls.at(-1)!.headers['if-none-match']).toBe('"scheduled"');
  });

  it('shows a clear message for an unknown webinar', async () => {
    mockFetch({});
    renderWithProviders(<EventPage />, { path: '/w/:slug', route: '/w/nope' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not find/);
  });
});
