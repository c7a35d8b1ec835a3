import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import { LiveControls } from './LiveControls';

const session = (state: string) => json({ id: 1, state, started_at: null, opened_at: null, ended_at: null });

describe('the host live controls', () => {
  it('offers the green room and Go Live before the start', async () => {
    const mock = mockFetch({ 'POST /api/webinars/5/live/start/': session('practice') });
    renderWithProviders(<LiveControls webinarId={5} slug="demo" state="scheduled" />);
    await userEvent.click(screen.getByRole('button', { name: 'Open green room' }));
    expect(await screen.findByText(/The green room is open/)).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/webinars/5/live/start/')[0]!.body).toEqual({ practice: true });
  });

  it('opens the green room to attendees with Go Live', async () => {
    const mock = mockFetch({ 'POST /api/webinars/5/live/open/': session('live') });
    renderWithProviders(<LiveControls webinarId={5} slug="demo" state="practice" />);
    expect(screen.queryByRole('button', { name: 'Open green room' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Go Live' }));
    expect(await screen.findByText(/You are live/)).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/webinars/5/live/open/')).toHaveLength(1);
  });

  it('asks before ending, and explains a refusal', async () => {
    mockFetch({ 'POST /api/webinars/5/live/end/': apiError(409, 'no_running_session') });
    const user = userEvent.setup();
    renderWithProviders(<LiveControls webinarId={5} slug="demo" state="live" />);
    await user.click(screen.getByRole('button', { name: 'End session' }));
    expect(screen.getByRole('button', { name: 'Yes, end it' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no running session to end.');
  });

  it('asks the host to publish a draft first', () => {
    mockFetch({});
    renderWithProviders(<LiveControls webinarId={5} slug="demo" state="draft" />);
    expect(screen.getByText('Publish the webinar before going live.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
