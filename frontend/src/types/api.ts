/** Shapes of the Stagecall API (docs/api.md). Shared by every feature. */

export type WebinarStatus = 'draft' | 'scheduled' | 'live' | 'ended' | 'cancelled';
export type RegistrationPolicy = 'open' | 'approval';
export type Visibility = 'public' | 'unlisted';
export type RegistrationStatus = 'pending' | 'approved' | 'waitlisted' | 'rejected' | 'cancelled';
/** The public status adds `practice` (green room open, attendees not admitted yet). */
export type LiveState = 'draft' | 'scheduled' | 'practice' | 'live' | 'ended' | 'cancelled';

export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface User {
  id: number;
  username: string;
  email: string;
  display_name: string;
  avatar_url: string;
  is_staff: boolean;
}

/** What anyone signed in may see of another account (co-hosts, the username lookup). */
export interface PublicUser {
  id: number;
  username: string;
  display_name: string;
}

export interface Webinar {
  id: number;
  slug: string;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  capacity: number | null;
  registration_policy: RegistrationPolicy;
  visibility: Visibility;
  status: WebinarStatus;
  organizer: number;
  /** Written as ids; read back with names in `co_host_details`. */
  co_hosts: number[];
  co_host_details: PublicUser[];
  tags: string[];
  organizer_name?: string;
  is_host?: boolean;
  my_registration?: { id: number; status: RegistrationStatus } | null;
  approved_count?: number;
  event_url?: string;
  /** What the caller may do now (the lifecycle's rule, from the API): show exactly these. */
  allowed_actions: WebinarAction[];
}

export type WebinarAction = 'edit' | 'publish' | 'cancel' | 'delete' | 'decide' | 'register' | 'unregister';

/** What a host may write; `status` only changes through actions. */
export type WebinarInput = Pick<
  Webinar,
  | 'title'
  | 'description'
  | 'starts_at'
  | 'ends_at'
  | 'capacity'
  | 'registration_policy'
  | 'visibility'
  | 'co_hosts'
  | 'tags'
>;

export interface Registration {
  id: number;
  webinar: number;
  user: number;
  status: RegistrationStatus;
  created_at: string;
  user_display_name?: string;
  user_email?: string;
  webinar_title?: string;
  webinar_slug?: string;
  webinar_starts_at?: string;
  webinar_status?: WebinarStatus;
}

export interface LiveSession {
  id: number;
  state: 'practice' | 'live' | 'ended';
  started_at: string | null;
  opened_at: string | null;
  ended_at: string | null;
}

export interface JoinInfo {
  domain: string;
  room: string;
  jwt: string;
  expires_at: string;
  moderator: boolean;
  display_name: string;
}

export interface PublicStatus {
  state: LiveState;
  starts_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  participant_count: number;
}

export interface Participant {
  user: number;
  display_name: string;
  joined_at: string;
  is_host: boolean;
}

export interface AttendanceRow {
  user: number;
  display_name: string;
  email: string;
  registration_status: RegistrationStatus | string;
  first_join: string | null;
  last_leave: string | null;
  minutes_present: number;
  attended: boolean;
}

/** One point of the attendance chart: people present at a minute (the API calls the time `at`). */
export interface TimelinePoint {
  at: string;
  present: number;
}

export interface InstantWebinar {
  webinar: Webinar;
  session: LiveSession;
  event_url: string;
}
