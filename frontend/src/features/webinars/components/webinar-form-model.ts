import { fromLocalInput, toLocalInput } from '@/lib/format';
import type { PublicUser, RegistrationPolicy, Visibility, Webinar, WebinarInput } from '@/types/api';

/** The form's own state: strings, as inputs hold them, and the co-hosts as the people shown. */
export interface WebinarFormValues {
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  capacity: string;
  registration_policy: RegistrationPolicy;
  visibility: Visibility;
  tags: string;
  co_hosts: PublicUser[];
}

export function toFormValues(webinar?: Webinar): WebinarFormValues {
  return {
    title: webinar?.title ?? '',
    description: webinar?.description ?? '',
    starts_at: toLocalInput(webinar?.starts_at),
    ends_at: toLocalInput(webinar?.ends_at),
    capacity: webinar?.capacity == null ? '' : String(webinar.capacity),
    registration_policy: webinar?.registration_policy ?? 'open',
    visibility: webinar?.visibility ?? 'public',
    tags: webinar?.tags.join(', ') ?? '',
    co_hosts: webinar?.co_host_details ?? [],
  };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Validate in the browser what we can (the server re-checks everything) and build the API payload. */
export function parseFormValues(values: WebinarFormValues): { input?: WebinarInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'Give the webinar a title.';
  const starts = fromLocalInput(values.starts_at);
  const ends = fromLocalInput(values.ends_at);
  if (!starts) errors.starts_at = 'Choose when it starts.';
  if (!ends) errors.ends_at = 'Choose when it ends.';
  if (starts && ends && new Date(ends) <= new Date(starts)) errors.ends_at = 'The end must be after the start.';

  let capacity: number | null = null;
  if (values.capacity.trim()) {
    const n = Number(values.capacity);
    if (!Number.isInteger(n) || n < 1) errors.capacity = 'Capacity is a whole number of at least 1, or empty for unlimited.';
    else capacity = n;
  }

  const tags = [...new Set(splitList(values.tags).map((t) => t.toLowerCase()))];

  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      title: values.title.trim(),
      description: values.description.trim(),
      starts_at: starts,
      ends_at: ends,
      capacity,
      registration_policy: values.registration_policy,
      visibility: values.visibility,
      tags,
      co_hosts: values.co_hosts.map((person) => person.id),
    },
  };
}
