import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { parseFormValues, toFormValues } from './webinar-form-model';
import { WebinarForm } from './WebinarForm';

describe('the webinar form model', () => {
  it('builds the API payload: ISO times, capacity, lists', () => {
    const values = {
      ...toFormValues(),
      title: '  Intro to Django ',
      starts_at: '2030-05-01T10:00',
      ends_at: '2030-05-01T11:00',
      capacity: '50',
      tags: 'Python, web, python',
      co_hosts: '4, 9',
    };
    const { input, errors } = parseFormValues(values);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ title: 'Intro to Django', capacity: 50, tags: ['python', 'web'], co_hosts: [4, 9] });
    expect(new Date(input!.starts_at).getTime()).toBe(new Date('2030-05-01T10:00').getTime());
    expect(input!.starts_at).toMatch(/Z$/);
  });

  it('treats an empty capacity as unlimited', () => {
    const { input } = parseFormValues({ ...toFormValues(), title: 't', starts_at: '2030-05-01T10:00', ends_at: '2030-05-01T11:00' });
    expect(input!.capacity).toBeNull();
  });

  it('rejects an end before the start, a bad capacity and non-numeric co-hosts', () => {
    const { input, errors } = parseFormValues({
      ...toFormValues(),
      title: '',
      starts_at: '2030-05-01T10:00',
      ends_at: '2030-05-01T09:00',
      capacity: '-3',
      co_hosts: 'bob',
    });
    expect(input).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'co_hosts', 'ends_at', 'title']);
  });
});

describe('the webinar form', () => {
  it('labels every field and shows client errors on submit', async () => {
    const onSubmit = vi.fn();
    render(<WebinarForm submitLabel="Create draft" submitting={false} error={null} onSubmit={onSubmit} />);
    for (const label of ['Title', 'Description', 'Starts', 'Ends', 'Capacity', 'Registration', 'Visibility', 'Tags', 'Co-hosts (user ids)']) {
      expect(screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`))).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Give the webinar a title.')).toBeInTheDocument();
  });

  it('puts the server’s field errors on the fields', () => {
    const error = new ApiError(400, 'validation_error', 'Invalid', { ends_at: ['End must be after start.'] });
    render(<WebinarForm submitLabel="Save" submitting={false} error={error} onSubmit={vi.fn()} />);
    expect(screen.getByText('End must be after start.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('submits a valid webinar', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<WebinarForm submitLabel="Create draft" submitting={false} error={null} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText(/^Title/), 'Launch');
    await user.type(screen.getByLabelText(/^Starts/), '2030-05-01T10:00');
    await user.type(screen.getByLabelText(/^Ends/), '2030-05-01T11:00');
    await user.selectOptions(screen.getByLabelText('Registration'), 'approval');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: 'Launch', registration_policy: 'approval', capacity: null }));
  });
});
