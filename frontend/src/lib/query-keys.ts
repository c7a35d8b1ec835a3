/**
 * Every query key, built here and nowhere else, so one feature can invalidate
 * another's data (registering changes the webinar's `my_registration`) without
 * importing it.
 *
 * What the API answers depends on who asks (`is_host`, `my_registration`, host-only
 * lists), so those keys end with the viewer: signing in or out is a new key, hence a
 * fresh fetch, never a stranger's cached answer. Invalidate with the prefixes
 * (`queryKeys.webinars`), which match every viewer.
 */
export type Viewer = number | null;

export const queryKeys = {
  webinars: ['webinars'] as const,
  webinarList: (filters: object, viewer: Viewer) => ['webinars', 'list', filters, { viewer }] as const,
  webinarById: (id: number, viewer: Viewer) => ['webinars', 'id', id, { viewer }] as const,
  webinarBySlug: (slug: string, viewer: Viewer) => ['webinars', 'slug', slug, { viewer }] as const,
  /** The public status is the same for everyone. */
  statuses: ['status'] as const,
  status: (slug: string) => ['status', slug] as const,
  coHostInvitations: ['co-host-invitations'] as const,
  myCoHostInvitations: (viewer: Viewer) => ['co-host-invitations', 'mine', { viewer }] as const,
  registrations: ['registrations'] as const,
  myRegistrations: (viewer: Viewer) => ['registrations', 'mine', { viewer }] as const,
  registrants: (webinarId: number) => ['registrations', 'webinar', webinarId] as const,
  registrantList: (webinarId: number, filters: object, viewer: Viewer) =>
    ['registrations', 'webinar', webinarId, filters, { viewer }] as const,
  participants: (webinarId: number) => ['live', 'participants', webinarId] as const,
  participantList: (webinarId: number, viewer: Viewer) => ['live', 'participants', webinarId, { viewer }] as const,
  attendance: (webinarId: number, viewer: Viewer) => ['attendance', webinarId, { viewer }] as const,
  timeline: (webinarId: number, viewer: Viewer) => ['attendance', 'timeline', webinarId, { viewer }] as const,
  /** Hosts see every recording, approved registrants the published ones. */
  recordings: (webinarId: number) => ['recordings', webinarId] as const,
  recordingList: (webinarId: number, viewer: Viewer) => ['recordings', webinarId, { viewer }] as const,
};
