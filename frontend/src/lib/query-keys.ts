/**
 * Query keys shared across features, so one feature can invalidate another's
 * data (registering changes the webinar's `my_registration`) without importing it.
 */
export const queryKeys = {
  webinars: ['webinars'] as const,
  webinarList: (filters: object) => ['webinars', 'list', filters] as const,
  webinarById: (id: number) => ['webinars', 'id', id] as const,
  webinarBySlug: (slug: string) => ['webinars', 'slug', slug] as const,
  status: (slug: string) => ['status', slug] as const,
  myRegistrations: ['registrations', 'mine'] as const,
  registrants: (webinarId: number) => ['registrations', 'webinar', webinarId] as const,
  participants: (webinarId: number) => ['live', 'participants', webinarId] as const,
  attendance: (webinarId: number) => ['attendance', webinarId] as const,
  timeline: (webinarId: number) => ['attendance', 'timeline', webinarId] as const,
};
