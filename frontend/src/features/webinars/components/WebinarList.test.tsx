import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import type { Webinar } from '@/types/api';
import { WebinarList } from './WebinarList';

const webinar: Webinar = {
  id: 1,
  slug: 'intro',
  title: 'Intro to Django',
  description: 'Models, views, and the admin.',
  starts_at: '2030-01-01T10:00:00Z',
  ends_at: '2030-01-01T11:00:00Z',
  capacity: null,
  registration_policy: 'open',
  visibility: 'public',
  status: 'scheduled',
  organizer: 1,
  co_hosts: [],
  co_host_details: [],
  co_host_invitations: [],
  tags: ['python', 'web'],
  allowed_actions: ['register'],
  organizer_name: 'Olga',
  is_host: false,
  my_registration: null,
  approved_count: 0,
  event_url: 'http://127.0.0.1:8000/w/x',
};

describe('the public webinar list', () => {
  it('shows upcoming and live webinars by default, with tag and search filters', async () => {
    const mock = mockFetch({ 'GET /api/webinars/': json({ count: 1, next: null, previous: null, results: [webinar] }) });
    const user = userEvent.setup();
    renderWithProviders(<WebinarList />);
    expect(await screen.findByRole('link', { name: 'Intro to Django' })).toHaveAttribute('href', '/w/intro');
    expect(mock.calls[0]!.url).toContain('status=scheduled&status=live');
    expect(mock.calls[0]!.url).toContain('ordering=starts_at');

    await user.click(screen.getByRole('button', { name: 'Filter by tag python' }));
    await waitFor(() => expect(mock.calls.at(-1)!.url).toContain('tag=python'));

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'django');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(mock.calls.at(-1)!.url).toContain('search=django'));
  });

  it('says when nothing matches', async () => {
    mockFetch({ 'GET /api/webinars/': json({ count: 0, next: null, previous: null, results: [] }) });
    renderWithProviders(<WebinarList />);
    expect(await screen.findByText('No webinars match these filters.')).toBeInTheDocument();
  });
});
