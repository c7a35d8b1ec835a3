import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setAccessToken } from '@/lib/auth-token';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { FakeJitsi, loadFakeJitsi } from '@/test/fake-jitsi';
import { renderWithProviders } from '@/test/render';
import { JoinFlow } from './JoinFlow';

const joinInfo = {
  domain: 'meet.example.test',
  room: 'r0omabc123',
  jwt: 'header.payload.sig',
  expires_at: '2030-01-01T10:05:00Z',
  moderator: false,
  display_name: 'Alice Attendee',
};

function status(state: string) {
  return json({ state, starts_at: '2030-01-01T10:00:00Z', started_at: null, ended_at: null, participant_count: 3 });
}

function renderFlow(loadApi = loadFakeJitsi) {
  return renderWithProviders(
    <JoinFlow webinarId={5} slug="demo" title="Demo webinar" loadApi={loadApi} statusPollMs={30} leaveGraceMs={50} reconnectDelayMs={5} />,
    { path: '/w/:slug/live', route: '/w/demo/live' },
  );
}

type Route = Parameters<typeof mockFetch>[0][string];

/** A live session entered straight away (join, status live, leave 204): resolves once the one meeting is built. */
async function enterRoom(join: Route = json(joinInfo), extra: Record<string, Route> = {}) {
  const mock = mockFetch({
    'POST /api/webinars/5/live/join/': join,
    'GET /api/webinars/by-slug/demo/status/': status('live'),
    'POST /api/webinars/5/live/leave/': { status: 204 },
    ...extra,
  });
  renderFlow();
  await waitFor(() => expect(FakeJitsi.instances).toHaveLength(1));
  return { mock, jitsi: FakeJitsi.last() };
}

beforeEach(() => {
  FakeJitsi.instances = [];
  setAccessToken('token');
});

describe('the join flow', () => {
  it('waits while the session is not open, then joins by itself when it turns live', async () => {
    let state = 'practice';
    const mock = mockFetch({
      'POST /api/webinars/5/live/join/': () => (state === 'live' ? json(joinInfo) : apiError(409, 'session_not_open')),
      'GET /api/webinars/by-slug/demo/status/': () => status(state),
      'POST /api/webinars/5/live/leave/': { status: 204 },
    });
    renderFlow();
    expect(await screen.findByTestId('waiting-room')).toBeInTheDocument();
    expect(await screen.findByText(/hosts are getting ready in the green room/i)).toBeInTheDocument();
    expect(FakeJitsi.instances).toHaveLength(0);

    state = 'live';
    expect(await screen.findByTestId('room')).toBeInTheDocument();
    await waitFor(() => expect(FakeJitsi.instances).toHaveLength(1));
    const jitsi = FakeJitsi.last();
    expect(jitsi.domain).toBe('meet.example.test');
    expect(jitsi.options).toMatchObject({ roomName: 'r0omabc123', jwt: 'header.payload.sig', userInfo: { displayName: 'Alice Attendee' } });
    expect(jitsi.options.parentNode).toBe(screen.getByTestId('jitsi-container'));
    expect(mock.callsTo('POST', '/api/webinars/5/live/join/').length).toBeGreaterThanOrEqual(2);
    // Attendees get no host controls.
    expect(screen.queryByRole('toolbar', { name: 'Host controls' })).not.toBeInTheDocument();
  });

  it('tells a host who has not started the session where to start it, and enters once the green room runs', async () => {
    let state = 'scheduled';
    mockFetch({
      'POST /api/webinars/5/live/join/': () =>
        state === 'scheduled' ? apiError(409, 'session_not_started') : json({ ...joinInfo, moderator: true }),
      'GET /api/webinars/by-slug/demo/status/': () => status(state),
      'POST /api/webinars/5/live/leave/': { status: 204 },
    });
    renderFlow();
    expect(await screen.findByText(/you have not started this session yet/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the host dashboard' })).toHaveAttribute('href', '/webinars/5/manage');
    expect(FakeJitsi.instances).toHaveLength(0);

    state = 'practice'; // a host may enter the green room; attendees would keep waiting
    await waitFor(() => expect(FakeJitsi.instances).toHaveLength(1));
  });

  it('reports the leave and disposes the meeting when the person hangs up, and rejoins with a fresh token', async () => {
    let tokens = 0;
    const { mock, jitsi: first } = await enterRoom(() => json({ ...joinInfo, jwt: `jwt-${++tokens}` }));
    act(() => {
      first.emit('videoConferenceLeft', { roomName: joinInfo.room });
      first.emit('readyToClose');
    });
    expect(await screen.findByRole('heading', { name: 'You left the room' })).toBeInTheDocument();
    expect(first.disposed).toBe(true);
    // Both events arrived, but the leave is reported once.
    expect(mock.callsTo('POST', '/api/webinars/5/live/leave/')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Rejoin' }));
    await waitFor(() => expect(FakeJitsi.instances).toHaveLength(2));
    expect(FakeJitsi.last().options.jwt).toBe('jwt-2');
  });

  it('reports the leave with a keepalive request when the page goes away', async () => {
    const { mock } = await enterRoom();
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    const leaves = mock.callsTo('POST', '/api/webinars/5/live/leave/');
    expect(leaves).toHaveLength(1);
    expect(leaves[0]!.init?.keepalive).toBe(true);
    expect(leaves[0]!.headers.authorization).toBe('Bearer token');
  });

  it('gives hosts mute-all and end-for-all controls, and no lobby switch (our token decides who enters)', async () => {
    const user = userEvent.setup();
    const { mock, jitsi } = await enterRoom(json({ ...joinInfo, moderator: true }), {
      'POST /api/webinars/5/live/end/': json({ id: 1, state: 'ended', started_at: null, opened_at: null, ended_at: null }),
    });
    const toolbar = await screen.findByRole('toolbar', { name: 'Host controls' });
    await user.click(screen.getByRole('button', { name: 'Mute everyone' }));
    expect(screen.queryByRole('button', { name: /lobby/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'End for all' }));
    await user.click(screen.getByRole('button', { name: 'Yes, end for all' }));
    expect(await screen.findByRole('heading', { name: 'This session has ended' })).toBeInTheDocument();
    expect(jitsi.commands).toEqual([['muteEveryone'], ['endConference']]);
    expect(mock.callsTo('POST', '/api/webinars/5/live/end/')).toHaveLength(1);
    expect(toolbar).not.toBeInTheDocument();
  });

  it('explains a refusal without an approved registration', async () => {
    mockFetch({
      'POST /api/webinars/5/live/join/': apiError(403, 'permission_denied', 'No approved registration.'),
      'GET /api/webinars/by-slug/demo/status/': status('live'),
    });
    renderFlow();
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do that.');
    expect(screen.getByRole('link', { name: 'Back to the event page' })).toHaveAttribute('href', '/w/demo');
  });

  it('shows the end when the session is over', async () => {
    mockFetch({
      'POST /api/webinars/5/live/join/': apiError(409, 'session_ended'),
      'GET /api/webinars/by-slug/demo/status/': status('ended'),
    });
    renderFlow();
    expect(await screen.findByRole('heading', { name: 'This session has ended' })).toBeInTheDocument();
  });

  it('keeps the meeting through a move to a breakout room, and counts a left with no join after it as leaving', async () => {
    const { mock, jitsi } = await enterRoom();
    act(() => {
      jitsi.emit('videoConferenceLeft', { roomName: joinInfo.room });
      jitsi.emit('videoConferenceJoined', { roomName: 'breakout', breakoutRoom: true });
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(screen.getByTestId('room')).toBeInTheDocument();
    expect(jitsi.disposed).toBe(false);
    expect(mock.callsTo('POST', '/api/webinars/5/live/leave/')).toHaveLength(0);

    act(() => jitsi.emit('videoConferenceLeft', { roomName: 'breakout' }));
    expect(await screen.findByRole('heading', { name: 'You left the room' })).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/webinars/5/live/leave/')).toHaveLength(1);
  });

  it('rebuilds the meeting with a fresh token when Jitsi refuses the token, a bounded number of times', async () => {
    let tokens = 0;
    const { mock, jitsi } = await enterRoom(() => json({ ...joinInfo, jwt: `jwt-${++tokens}` }));
    const refused = { name: 'connection.passwordRequired', type: 'CONNECTION', message: 'not-authorized', isFatal: true };
    act(() => jitsi.emit('errorOccurred', refused));
    await waitFor(() => expect(FakeJitsi.instances).toHaveLength(2));
    expect(FakeJitsi.instances[0]!.disposed).toBe(true);
    expect(FakeJitsi.last().options.jwt).toBe('jwt-2');

    // Getting in resets the count; three failures in a row without getting in stop the retries.
    act(() => FakeJitsi.last().emit('videoConferenceJoined', { roomName: joinInfo.room }));
    for (const n of [3, 4, 5]) {
      act(() => FakeJitsi.last().emit('errorOccurred', { error: refused }));
      await waitFor(() => expect(FakeJitsi.instances).toHaveLength(n));
    }
    act(() => FakeJitsi.last().emit('errorOccurred', refused));
    expect(await screen.findByRole('heading', { name: 'The video room is not available' })).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/webinars/5/live/join/')).toHaveLength(5);
    expect(mock.callsTo('POST', '/api/webinars/5/live/leave/')).toHaveLength(0);
  });

  it('says once that the video server cannot be reached, and tells a host which setting to check', async () => {
    mockFetch({
      'POST /api/webinars/5/live/join/': json({ ...joinInfo, moderator: true }),
      'GET /api/webinars/by-slug/demo/status/': status('live'),
      'POST /api/webinars/5/live/leave/': { status: 204 },
    });
    renderFlow(() => Promise.reject(new Error('Could not load the video room from meet.example.test.')));
    expect(await screen.findByRole('heading', { name: 'The video room is not available' })).toBeInTheDocument();
    expect(screen.getAllByText(/Could not load the video room/)).toHaveLength(1);
    expect(screen.getByText('JITSI_DOMAIN')).toBeInTheDocument();
    expect(screen.queryByTestId('jitsi-container')).not.toBeInTheDocument();
  });

  it('lets a host in the green room go live from the room', async () => {
    let state = 'practice';
    const mock = mockFetch({
      'POST /api/webinars/5/live/join/': json({ ...joinInfo, moderator: true }),
      'GET /api/webinars/by-slug/demo/status/': () => status(state),
      'POST /api/webinars/5/live/open/': () => {
        state = 'live';
        return json({ id: 1, state: 'live', started_at: null, opened_at: null, ended_at: null });
      },
      'POST /api/webinars/5/live/leave/': { status: 204 },
    });
    renderFlow();
    await userEvent.click(await screen.findByRole('button', { name: 'Go Live' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Go Live' })).not.toBeInTheDocument());
    expect(mock.callsTo('POST', '/api/webinars/5/live/open/')).toHaveLength(1);
  });
});
