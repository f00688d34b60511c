import type { Selectable } from 'kysely';
import type { EventPlansTable, EventsTable } from '../../db/schema.js';
import type { CampaignRow, DictionaryRow, EventRow, PartnerRow, StatisticsFigures } from './events.queries.js';
import type { CampaignView, EventPlanView, EventView, PartnerView } from './events.schemas.js';

const attendanceOf = (row: Selectable<EventsTable>): EventView['attendance'] =>
  row.attendance_total === null ? null : {
    total: row.attendance_total,
    children: row.attendance_children,
    youth: row.attendance_youth,
    adults: row.attendance_adults,
    disabled: row.attendance_disabled,
  };

export const presentEvent = (row: EventRow): EventView => ({
  id: row.id,
  title: row.title,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  startsAt: row.starts_at?.slice(0, 5) ?? null,
  placeKind: row.place_kind,
  place: row.place,
  form: { id: row.form_id, name: row.form_name, countsDocuments: row.form_counts_documents },
  directions: row.directions,
  audience: row.audience,
  admission: row.admission,
  attendance: attendanceOf(row),
  isHeld: row.attendance_total !== null,
  exhibitionDocuments: row.exhibition_documents,
  branches: row.branches,
  partners: row.partners,
  campaign: row.campaign_id === null ? null : { id: row.campaign_id, name: row.campaign_name ?? '' },
  description: row.description,
});

export const presentDictionaryEntry = (row: DictionaryRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  isActive: row.is_active,
  ...(row.counts_documents === undefined ? {} : { countsDocuments: row.counts_documents }),
});

/** A form always says whether it counts documents (the generic entry says so only for rows that have the column). */
export const presentForm = (row: DictionaryRow) => ({ ...presentDictionaryEntry(row), countsDocuments: row.counts_documents === true });

export const presentPartner = (row: PartnerRow): PartnerView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  settlement: row.settlement,
  contacts: row.contacts,
  note: row.note,
  eventCount: row.event_count,
});

export const presentCampaign = (row: CampaignRow): CampaignView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  year: row.year,
  level: row.level,
  organiser: row.organiser,
  description: row.description,
  branchCount: row.branch_count,
  eventCount: row.event_count,
  attendance: row.attendance,
});

export const presentPlan = (row: Selectable<EventPlansTable>): EventPlanView => ({
  id: row.id,
  branchId: row.branch_id,
  year: row.year,
  directionId: row.direction_id,
  plannedEvents: row.planned_events,
  plannedAttendance: row.planned_attendance,
});

export const presentFigures = (row: StatisticsFigures) => ({
  events: row.events,
  heldEvents: row.held_events,
  attendance: { total: row.total, children: row.children, youth: row.youth, adults: row.adults, disabled: row.disabled },
});
