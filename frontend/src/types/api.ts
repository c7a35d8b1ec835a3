/**
 * The API's shapes, named for the app. Every one comes from `api.generated.ts`, which
 * `npm run api-types` generates from the backend's OpenAPI schema (`/api/schema/`);
 * `npm run api-types:check` (part of `make test`) fails when that file is out of date.
 *
 * DRF writes every field of a serializer in its answers, but the schema marks fields with
 * a default (`description`, `capacity`, ...) optional, as they are when writing: answers
 * are therefore `Required<...>`.
 */
import type { components } from './api.generated';

type Schemas = components['schemas'];

export type WebinarStatus = Schemas['WebinarStatusEnum'];
export type RegistrationPolicy = Schemas['RegistrationPolicyEnum'];
export type Visibility = Schemas['VisibilityEnum'];
export type RegistrationStatus = Schemas['RegistrationStatusEnum'];
/** The public status adds `practice` (green room open, attendees not admitted yet). */
export type LiveState = Schemas['PublicStatusStateEnum'];
/** What a page shows: the public status, or the webinar's own status where there is none (drafts). */
export type ShownState = LiveState | WebinarStatus;
export type WebinarAction = Schemas['AllowedActionsEnum'];

/** Every paginated list has this shape (DRF's PageNumberPagination). */
export type Paginated<T> = Omit<Required<Schemas['PaginatedWebinarList']>, 'results'> & { results: T[] };

export type User = Required<Schemas['User']>;
/** What anyone signed in may see of another account (co-hosts, the username lookup). */
export type PublicUser = Schemas['PublicUser'];
export type Webinar = Required<Schemas['Webinar']>;
/** What a host may write; `status` only changes through actions. */
export type WebinarInput = Required<Schemas['WebinarRequest']>;
/** An invitation to co-host (docs/api.md): the invitee becomes a host only by accepting. */
export type CoHostInvitation = Required<Schemas['CoHostInvitation']>;
export type Registration = Schemas['Registration'];
export type LiveSession = Schemas['Session'];
export type JoinInfo = Schemas['Join'];
export type PublicStatus = Schemas['PublicStatus'];
export type Participant = Schemas['Participant'];
export type AttendanceRow = Schemas['Attendance'];
export type TimelinePoint = Schemas['TimelinePoint'];
export type InstantWebinar = Schemas['InstantResult'];

/** A recording; `download_url` is a signed link (usable as `<video src>`), null until ready. */
export type Recording = Required<Schemas['Recording']>;
