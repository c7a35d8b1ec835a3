import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import type { Registration } from '@/types/api';
import { RegistrantsManager } from './RegistrantsManager';

function reg(id: number, name: string, status: Registration['status']): Registration {
  return {
    id,
    webinar: 5,
    user: id + 100,
    status,
    created_at: '2030-01-01T09:00:00Z',
    user_display_name: name,
    user_email: `${name.toLowerCase()}@example.test`,
    webinar_title: 'Demo',
    webinar_slug: 'demo',
    webinar_starts_at: '2030-01-02T09:00:00Z',
    webinar_status: 'scheduled',
  };
}

describe('managing registrants', () => {
  it('approves several at once through the bulk endpoint and filters by status', async () => {
    const rows = [reg(1, 'Ann', 'pending'), reg(2, 'Ben', 'pending'), reg(3, 'Cy', 'approved')];
    const mock = mockFetch({
      'GET /api/webinars/5/registrations/': json({ count: rows.length, next: null, previous: null, results: rows }),
      'POST /api/webinars/5/registrations/bulk/': (req) => json({ results: (req.body as { ids: number[] }).ids.map((id) => ({ ...rows[id - 1], status: 'approved' })) }),
    });
    const user = userEvent.setup();
    renderWithProviders(<RegistrantsManager webinarId={5} canDecide />);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Ann' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Ben' }));
    await user.click(screen.getByRole('button', { name: 'Approve selected (2)' }));
    expect(await screen.findByText('2 registrations approved.')).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/webinars/5/registrations/bulk/')[0]!.body).toEqual({ action: 'approve', ids: [1, 2] });

    await user.selectOptions(screen.getByLabelText('Show'), 'pending');
    await waitFor(() => expect(mock.calls.some((c) => c.url.includes('status=pending'))).toBe(true));
  });

  it('rejects one through its own endpoint', async () => {
    const mock = mockFetch({
      'GET /api/webinars/5/registrations/': json({ count: 1, next: null, previous: null, results: [reg(1, 'Ann', 'pending')] }),
      'POST /api/webinars/5/registrations/1/reject/': json(reg(1, 'Ann', 'rejected')),
    });
    renderWithProviders(<RegistrantsManager webinarId={5} canDecide />);
    await userEvent.click(await screen.findByRole('button', { name: 'Reject Ann' }));
    expect(await screen.findByText('1 registration rejected.')).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/webinars/5/registrations/1/reject/')).toHaveLength(1);
  });
});
