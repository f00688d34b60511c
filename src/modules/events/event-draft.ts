import type { Insertable } from 'kysely';
import type { EventsTable } from '../../db/schema.js';
import type { AttendanceInput, CreateEventInput, EventView } from './events.schemas.js';

/** An event with every field settled, as it will be stored: typed in, changed, copied or loaded by the demo. */
export interface EventDraft {
  title: string;
  startsOn: string;
  endsOn: string | null;
  startsAt: string | null;
  branchIds: number[];
  placeKind: EventView['placeKind'];
  place: string;
  formId: number;
  directionIds: number[];
  audience: EventView['audience'];
  admission: EventView['admission'];
  attendance: AttendanceInput | null;
  partnerIds: number[];
  campaignId: number | null;
  exhibitionDocuments: number | null;
  description: string;
}

const unique = (ids: number[]) => [...new Set(ids)];

export const draftOfInput = (input: CreateEventInput): EventDraft => ({
  title: input.title,
  startsOn: input.startsOn,
  endsOn: input.endsOn ?? null,
  startsAt: input.startsAt ?? null,
  branchIds: unique(input.branchIds),
  placeKind: input.placeKind,
  place: input.place ?? '',
  formId: input.formId,
  directionIds: unique(input.directionIds),
  audience: input.audience,
  admission: input.admission,
  attendance: input.attendance ?? null,
  partnerIds: unique(input.partnerIds),
  campaignId: input.campaignId ?? null,
  exhibitionDocuments: input.exhibitionDocuments ?? null,
  description: input.description ?? '',
});

export const draftOfView = (event: EventView): EventDraft => ({
  title: event.title,
  startsOn: event.startsOn,
  endsOn: event.endsOn,
  startsAt: event.startsAt,
  branchIds: event.branches.map((branch) => branch.id),
  placeKind: event.placeKind,
  place: event.place,
  formId: event.form.id,
  directionIds: event.directions.map((direction) => direction.id),
  audience: event.audience,
  admission: event.admission,
  attendance: event.attendance,
  partnerIds: event.partners.map((partner) => partner.id),
  campaignId: event.campaign?.id ?? null,
  exhibitionDocuments: event.exhibitionDocuments,
  description: event.description,
});

/** The events row of a draft (its links to branches, directions and partners are rows of their own). */
export const eventColumns = (draft: EventDraft): Omit<Insertable<EventsTable>, 'network_id'> => ({
  title: draft.title,
  starts_on: draft.startsOn,
  ends_on: draft.endsOn,
  starts_at: draft.startsAt,
  place_kind: draft.placeKind,
  place: draft.place,
  form_id: draft.formId,
  audience: draft.audience,
  admission: draft.admission,
  campaign_id: draft.campaignId,
  attendance_total: draft.attendance?.total ?? null,
  attendance_children: draft.attendance?.children ?? 0,
  attendance_youth: draft.attendance?.youth ?? 0,
  attendance_adults: draft.attendance?.adults ?? 0,
  attendance_disabled: draft.attendance?.disabled ?? 0,
  exhibition_documents: draft.exhibitionDocuments,
  description: draft.description,
});
