/** Human messages for every error code the API documents, in one table. */
import { ApiError } from './api-client';

const MESSAGES: Record<string, string> = {
  network_error: 'Could not reach the server. Check your connection and try again.',
  server_error: 'Something went wrong on our side. Please try again in a moment.',
  validation_error: 'Please correct the highlighted fields.',
  parse_error: 'The request could not be read. Please try again.',
  not_authenticated: 'Please log in to continue.',
  authentication_failed: 'Your session has expired or the credentials are wrong. Please log in again.',
  no_active_account: 'Wrong username or password.',
  token_not_valid: 'Your session has expired. Please log in again.',
  permission_denied: 'You are not allowed to do that.',
  not_found: 'We could not find that. It may have been removed, or the link is wrong.',
  method_not_allowed: 'That action is not available here.',
  throttled: 'Too many requests. Please wait a moment and try again.',
  illegal_transition: 'That action is not possible in the webinar’s current state.',
  already_registered: 'You are already registered for this webinar.',
  registration_closed: 'Registration is closed for this webinar.',
  host_cannot_register: 'Hosts do not need to register for their own webinar.',
  not_registered: 'You are not registered for this webinar.',
  session_not_open: 'The session has not opened yet. We will let you in as soon as it starts.',
  session_not_started: 'The session has not started yet. We will let you in as soon as it starts.',
  session_ended: 'This session has ended.',
  webinar_cancelled: 'This webinar was cancelled.',
  conflict: 'That action conflicts with the webinar’s current state.',
  not_approved: 'Only hosts and approved registrants can join. Register on the event page first.',
  registration_rejected: 'The hosts declined your registration.',
  registration_cancelled: 'That registration was cancelled by its registrant.',
  not_editable: 'This webinar can no longer be edited.',
  not_in_practice: 'Only a session in the green room can be opened to attendees.',
  no_running_session: 'There is no running session to end.',
  email_taken: 'An account with this email already exists.',
  username_taken: 'This username is taken.',
  weak_password: 'Please choose a stronger password.',
};

/** A sentence for the person, preferring our wording for known codes and the server's detail otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'validation_error' && error.fields.non_field_errors?.[0]) {
      return error.fields.non_field_errors[0];
    }
    return MESSAGES[error.code] ?? error.detail ?? MESSAGES.server_error!;
  }
  if (error instanceof Error && error.message) return error.message;
  return MESSAGES.server_error!;
}

/** Field-level messages for forms, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.fields)) {
    if (messages[0]) out[field] = messages.join(' ');
  }
  return out;
}
