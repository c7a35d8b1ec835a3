import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { apiError, json, mockFetch } from '@/test/fetch-mock';
import { alice, renderWithProviders } from '@/test/render';
import type { PublicUser, Webinar } from '@/types/api';
import { parseFormValues, toFormValues } from './webinar-form-model';
import { WebinarForm } from './WebinarForm';

const sam: PublicUser = { id: 7, username: 'sam', display_name: 'Sam Lee' };
const kim: PublicUser = { id: 9, username: 'kim', display_name: '' };

const existing: Webinar = {
  id: 5,
  slug: 'launch',
  title: 'Launch',
  description: '',
  starts_at: '2030-05-01T10:00:00Z',
  ends_at: '2030-05-01T11:00:00Z',
  capacity: null,
  registration_policy: 'open',
  visibility: 'public',
  status: 'draft',
  organizer: alice.id,
  co_hosts: [sam.id, kim.id],
  co_host_details: [sam, kim],
  co_host_invitations: [],
  tags: [],
  allowed_actions: ['edit', 'publish', 'cancel', 'delete'],
  organizer_name: 'Alice',
  is_host: true,
  my_registration: null,
  approved_count: 0,
  event_url: 'http://127.0.0.1:8000/w/launch',
};

function renderForm(props: { initial?: Webinar; onSubmit?: () => void } = {}) {
  const onSubmit = props.onSubmit ?? vi.fn();
  renderWithProviders(<WebinarForm initial={props.initial} submitLabel="Save" submitting={false} error={null} onSubmit={onSubmit} />);
  return { onSubmit, username: () => screen.getByLabelText('Invite a co-host by username') };
}

describe('the webinar form model', () => {
  it('builds the API payload: ISO times, capacity, lists', () => {
    const values = {
      ...toFormValues(),
      title: '  Intro to Django ',
      starts_at: '2030-05-01T10:00',
      ends_at: '2030-05-01T11:00',
      capacity: '50',
      tags: 'Python, web, python',
      co_hosts: [sam, kim],
    };
    const { input, errors } = parseFormValues(values);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ title: 'Intro to Django', capacity: 50, tags: ['python', 'web'], co_hosts: [7, 9] });
    expect(new Date(input!.starts_at).getTime()).toBe(new Date('2030-05-01T10:00').getTime());
    expect(input!.starts_at).toMatch(/Z$/);
  });

  it('treats an empty capacity as unlimited', () => {
    const { input } = parseFormValues({ ...toFormValues(), title: 't', starts_at: '2030-05-01T10:00', ends_at: '2030-05-01T11:00' });
    expect(input!.capacity).toBeNull();
  });

  it('rejects a missing title, an end before the start and a bad capacity', () => {
    const { input, errors } = parseFormValues({
      ...toFormValues(),
      title: '',
      starts_at: '2030-05-01T10:00',
      ends_at: '2030-05-01T09:00',
      capacity: '-3',
    });
    expect(input).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'ends_at', 'title']);
  });
});

describe('the webinar form', () => {
  it('labels every field and shows client errors on submit', async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<WebinarForm submitLabel="Create draft" submitting={false} error={null} onSubmit={onSubmit} />);
    for (const label of ['Title', 'Description', 'Starts', 'Ends', 'Capacity', 'Registration', 'Visibility', 'Tags']) {
      expect(screen.getByLabelText(new RegExp(`^${label}`))).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Give the webinar a title.')).toBeInTheDocument();
  });

  it('puts the server’s field errors on the fields', () => {
    const error = new ApiError(400, 'validation_error', 'Invalid', { ends_at: ['End must be after start.'] });
    renderWithProviders(<WebinarForm submitLabel="Save" submitting={false} error={error} onSubmit={vi.fn()} />);
    expect(screen.getByText('End must be after start.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('submits a valid webinar', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<WebinarForm submitLabel="Create draft" submitting={false} error={null} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText(/^Title/), 'Launch');
    await user.type(screen.getByLabelText(/^Starts/), '2030-05-01T10:00');
    await user.type(screen.getByLabelText(/^Ends/), '2030-05-01T11:00');
    await user.selectOptions(screen.getByLabelText('Registration'), 'approval');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: 'Launch', registration_policy: 'approval', capacity: null }));
  });
});

describe('co-hosts in the webinar form', () => {
  it('explains on the create form that invitations come after saving', () => {
    renderForm();
    expect(screen.queryByLabelText('Invite a co-host by username')).not.toBeInTheDocument();
    expect(screen.getByText(/invited by username once the draft is saved/)).toBeInTheDocument();
  });

  it('invites by username at once (Enter works too, without submitting)', async () => {
    const mock = mockFetch({
      'POST /api/webinars/5/co-hosts/invite/': json({ id: 3, webinar: 5, user: { id: 11, username: 'lee', display_name: 'Lee Park' } }, 201),
    });
    const user = userEvent.setup();
    const { onSubmit, username } = renderForm({ initial: existing });
    await user.type(username(), 'LEE{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Invited Lee Park. They become a co-host when they accept.'));
    expect(mock.calls.find((c) => c.method === 'POST')!.body).toEqual({ username: 'LEE' });
    expect(username()).toHaveValue('');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal on the field', async () => {
    mockFetch({ 'POST /api/webinars/5/co-hosts/invite/': apiError(400, 'unknown_user', 'No active account has this username.') });
    const user = userEvent.setup();
    const { username } = renderForm({ initial: existing });
    await user.type(username(), 'ghost');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    await waitFor(() => expect(username()).toHaveAccessibleDescription(/No active account has this username\./));
    expect(username()).toHaveAttribute('aria-invalid', 'true');
  });

  it('lists pending invitations and withdraws one', async () => {
    const mock = mockFetch({ 'DELETE /api/co-host-invitations/3/': { status: 204 } });
    const user = userEvent.setup();
    renderForm({ initial: { ...existing, co_host_invitations: [{ id: 3, user: { id: 11, username: 'lee', display_name: 'Lee Park' } }] } });
    const pending = screen.getByRole('list', { name: 'Invited, not answered yet' });
    expect(pending).toHaveTextContent('Lee Park @lee · invited');
    await user.click(screen.getByRole('button', { name: 'Withdraw the invitation to Lee Park' }));
    await waitFor(() => expect(mock.calls.some((c) => c.method === 'DELETE' && c.path === '/api/co-host-invitations/3/')).toBe(true));
  });

  it('pre-fills co-hosts when editing, and removes one', async () => {
    const user = userEvent.setup();
    const { onSubmit, username } = renderForm({ initial: existing });
    const items = within(screen.getByRole('list', { name: 'Co-hosts' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Sam Lee @samRemove', 'kim @kimRemove']);

    await user.click(screen.getByRole('button', { name: 'Remove Sam Lee' }));
    expect(screen.queryByText('Sam Lee')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Sam Lee will be removed when you save.');
    expect(username()).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Remove @kim' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ co_hosts: [9] }));
  });
});
