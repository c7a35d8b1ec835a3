import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import type { CoHostInvitation } from '@/types/api';
import { CoHostInvitationsPanel } from './CoHostInvitationsPanel';

const invitation: CoHostInvitation = {
  id: 5,
  webinar: 7,
  webinar_title: 'Scaling Django',
  webinar_slug: 'scaling-django-3f9a',
  webinar_starts_at: '2030-01-01T10:00:00Z',
  user: { id: 3, username: 'grace', display_name: 'Grace' },
  invited_by_name: 'Olivia',
  created_at: '2029-12-01T10:00:00Z',
};
const page = (results: CoHostInvitation[]) => json({ count: results.length, next: null, previous: null, results });

describe('invitations to co-host', () => {
  it('lists them and accepts one', async () => {
    const mock = mockFetch({
      'GET /api/auth/me/co-host-invitations/': page([invitation]),
      'POST /api/co-host-invitations/5/accept/': json({ id: 7 }),
    });
    const user = userEvent.setup();
    renderWithProviders(<CoHostInvitationsPanel />);
    expect(await screen.findByText('Scaling Django')).toBeInTheDocument();
    expect(screen.getByText(/invited by Olivia/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept co-hosting Scaling Django' }));
    await waitFor(() => expect(mock.calls.some((c) => c.method === 'POST' && c.path === '/api/co-host-invitations/5/accept/')).toBe(true));
  });

  it('declines one', async () => {
    const mock = mockFetch({
      'GET /api/auth/me/co-host-invitations/': page([invitation]),
      'POST /api/co-host-invitations/5/decline/': { status: 204 },
    });
    const user = userEvent.setup();
    renderWithProviders(<CoHostInvitationsPanel />);
    await user.click(await screen.findByRole('button', { name: 'Decline co-hosting Scaling Django' }));
    await waitFor(() => expect(mock.calls.some((c) => c.method === 'POST' && c.path === '/api/co-host-invitations/5/decline/')).toBe(true));
  });

  it('renders nothing without invitations', async () => {
    const mock = mockFetch({ 'GET /api/auth/me/co-host-invitations/': page([]) });
    const { container } = renderWithProviders(<CoHostInvitationsPanel />);
    await waitFor(() => expect(mock.calls.length).toBe(1));
    expect(container).toBeEmptyDOMElement();
  });
});
