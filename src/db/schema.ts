/**
 * Kysely's view of the tables, kept in step with migrations/ by hand.
 * Value types follow database.ts: int8 and numeric as number, date as 'YYYY-MM-DD'.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Id = Generated<number>;
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
type DateString = string;
type Json = JSONColumnType<Record<string, unknown>, Record<string, unknown> | string, Record<string, unknown> | string>;

export interface SchemaMigrationsTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface NetworksTable {
  id: Id;
  code: string;
  name: string;
  full_name: Generated<string>;
  created_at: CreatedAt;
}

export type BranchType = 'central' | 'children' | 'rural' | 'city' | 'other';

export interface BranchesTable {
  id: Id;
  network_id: number;
  code: string;
  name: string;
  type: BranchType;
  is_public_access_centre: Generated<boolean>;
  is_model: Generated<boolean>;
  settlement: Generated<string>;
  address: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  opening_hours: Generated<string>;
  working_days: Generated<string>;
  population_served: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type BranchEventKind = 'opened' | 'renamed' | 'reorganised' | 'status_changed' | 'liquidated';
export type BasisKind = '' | 'decision' | 'survey' | 'expert_conclusion' | 'other';

export interface BranchEventsTable {
  id: Id;
  network_id: number;
  branch_id: number;
  kind: BranchEventKind;
  occurred_on: DateString;
  basis_kind: Generated<BasisKind>;
  basis: Generated<string>;
  details: Json;
  created_at: CreatedAt;
}

export interface BranchPeriodsView {
  network_id: number;
  branch_id: number;
  started_on: DateString;
  ended_on: DateString | null;
}

export type ServicePointKind = 'school' | 'kindergarten' | 'hospital' | 'settlement' | 'enterprise' | 'other';

export interface ServicePointsTable {
  id: Id;
  network_id: number;
  branch_id: number;
  name: string;
  kind: Generated<ServicePointKind>;
  address: Generated<string>;
  opened_on: DateString | null;
  closed_on: DateString | null;
  created_at: CreatedAt;
}

export type Employment = 'staff' | 'part_time';
export type Education = 'higher' | 'secondary_vocational' | 'other';

export interface StaffMembersTable {
  id: Id;
  network_id: number;
  branch_id: number;
  last_name: string;
  first_name: string;
  middle_name: Generated<string>;
  position: string;
  employment: Employment;
  is_core_staff: Generated<boolean>;
  education: Education;
  has_library_education: Generated<boolean>;
  library_experience_since: DateString | null;
  birth_date: DateString | null;
  has_disability: Generated<boolean>;
  hired_on: DateString;
  dismissed_on: DateString | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StaffPositionsTable {
  id: Id;
  network_id: number;
  branch_id: number;
  title: string;
  rate: number;
  valid_from: DateString;
  valid_to: DateString | null;
  created_at: CreatedAt;
}

export type TrainingTopic =
  | 'library' | 'fire_safety' | 'first_aid' | 'anti_terrorism' | 'anti_corruption' | 'labour_protection'
  | 'civil_defence' | 'financial_literacy' | 'digital' | 'other';

export interface TrainingsTable {
  id: Id;
  network_id: number;
  staff_member_id: number;
  course: string;
  provider: Generated<string>;
  topic: Generated<TrainingTopic>;
  hours: number | null;
  started_on: DateString | null;
  finished_on: DateString;
  certificate_number: Generated<string>;
  created_at: CreatedAt;
}

export type Role = 'admin' | 'methodologist' | 'librarian' | 'director';

export interface UsersTable {
  id: Id;
  network_id: number;
  login: string;
  password_hash: string;
  full_name: string;
  role: Role;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserBranchesTable {
  network_id: number;
  user_id: number;
  branch_id: number;
}

export interface SessionsTable {
  token_hash: string;
  network_id: number;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface LoginFailuresTable {
  id: Id;
  login: string;
  attempted_at: Generated<Date>;
}

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditLogTable {
  id: Id;
  network_id: number;
  user_id: number | null;
  at: CreatedAt;
  action: AuditAction;
  entity: string;
  entity_id: number | null;
  before: Json | null;
  after: Json | null;
}

export type CompetitionLevel = 'international' | 'national' | 'regional' | 'inter_district' | 'district';
export type ParticipantKind = 'branch' | 'staff' | 'reader' | 'team';
export type AwardResult =
  | 'place' | 'diploma' | 'winner_diploma' | 'laureate_diploma' | 'participation_certificate' | 'thanks_letter' | 'monetary' | 'grant';
type JsonArray<T> = JSONColumnType<T[], string, string>;

export interface CompetitionsTable {
  id: Id;
  network_id: number;
  name: string;
  year: number;
  level: CompetitionLevel;
  organiser: Generated<string>;
  nominations: JsonArray<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CompetitionEntriesTable {
  id: Id;
  network_id: number;
  competition_id: number;
  branch_id: number;
  participant_kind: ParticipantKind;
  reader_name: Generated<string>;
  prepared_by_staff_id: number | null;
  team_name: Generated<string>;
  nomination: Generated<string>;
  work_title: Generated<string>;
  created_at: CreatedAt;
}

export interface CompetitionEntryStaffTable {
  network_id: number;
  entry_id: number;
  staff_member_id: number;
}

export interface AwardsTable {
  id: Id;
  network_id: number;
  entry_id: number;
  result: AwardResult;
  rank: number | null;
  amount_kopecks: number | null;
  note: Generated<string>;
  created_at: CreatedAt;
}

export interface AwardDocumentsTable {
  award_id: number;
  network_id: number;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_at: Generated<Date>;
}

export interface JuryMembershipsTable {
  id: Id;
  network_id: number;
  competition_name: string;
  year: number;
  level: CompetitionLevel;
  organiser: Generated<string>;
  note: Generated<string>;
  created_at: CreatedAt;
}

export interface JuryMembersTable {
  network_id: number;
  jury_membership_id: number;
  staff_member_id: number;
  branch_id: number;
}

export interface ConferenceParticipationsTable {
  id: Id;
  network_id: number;
  conference_name: string;
  year: number;
  held_on: DateString | null;
  level: CompetitionLevel;
  organiser: Generated<string>;
  talk_title: Generated<string>;
  created_at: CreatedAt;
}

/** A branch (staff_member_id null) or a staff member with their branch; the same shape for honours. */
export interface ParticipantsTable {
  id: Id;
  network_id: number;
  branch_id: number;
  staff_member_id: number | null;
}

export interface ConferenceParticipantsTable extends ParticipantsTable {
  conference_participation_id: number;
}

export interface HonoursTable {
  id: Id;
  network_id: number;
  title: string;
  from_organisation: Generated<string>;
  year: number;
  received_on: DateString | null;
  reason: Generated<string>;
  created_at: CreatedAt;
}

export interface HonourRecipientsTable extends ParticipantsTable {
  honour_id: number;
}

export interface SeminarsTable {
  id: Id;
  network_id: number;
  held_on: DateString;
  topic: string;
  organiser: Generated<string>;
  description: Generated<string>;
  external_attendees: Generated<number>;
  created_at: CreatedAt;
}

export interface SeminarAttendeesTable {
  network_id: number;
  seminar_id: number;
  staff_member_id: number;
}

export interface EventFormsTable {
  id: Id;
  network_id: number;
  code: string;
  name: string;
  is_active: Generated<boolean>;
  counts_documents: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EventDirectionsTable {
  id: Id;
  network_id: number;
  code: string;
  name: string;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}

export type PartnerKind =
  | 'school' | 'kindergarten' | 'culture_house' | 'veterans' | 'youth' | 'administration' | 'social' | 'public_organisation' | 'other';

export interface PartnersTable {
  id: Id;
  network_id: number;
  name: string;
  kind: PartnerKind;
  settlement: Generated<string>;
  contacts: Generated<string>;
  note: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type CampaignKind = 'campaign' | 'project';
export type CampaignLevel = 'international' | 'national' | 'regional' | 'inter_district' | 'district';

export interface CampaignsTable {
  id: Id;
  network_id: number;
  name: string;
  kind: Generated<CampaignKind>;
  year: number;
  level: CampaignLevel;
  organiser: Generated<string>;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CampaignParticipationsTable {
  network_id: number;
  campaign_id: number;
  branch_id: number;
  note: Generated<string>;
  created_at: CreatedAt;
}

export type EventPlaceKind = 'library' | 'outreach' | 'online';
export type EventAudience = 'children' | 'youth' | 'adults' | 'seniors' | 'families' | 'disabled' | 'general';
export type EventAdmission = 'free' | 'paid' | 'pushkin_card';

export interface EventsTable {
  id: Id;
  network_id: number;
  title: string;
  starts_on: DateString;
  ends_on: DateString | null;
  /** 'HH:MM:SS' as PostgreSQL returns a time. */
  starts_at: string | null;
  place_kind: EventPlaceKind;
  place: Generated<string>;
  form_id: number;
  audience: EventAudience;
  admission: Generated<EventAdmission>;
  campaign_id: number | null;
  attendance_total: number | null;
  attendance_children: Generated<number>;
  attendance_youth: Generated<number>;
  attendance_adults: Generated<number>;
  attendance_disabled: Generated<number>;
  exhibition_documents: number | null;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EventBranchesTable {
  network_id: number;
  event_id: number;
  branch_id: number;
}

export interface EventDirectionLinksTable {
  network_id: number;
  event_id: number;
  direction_id: number;
}

export interface EventPartnersTable {
  network_id: number;
  event_id: number;
  partner_id: number;
}

export interface EventPlansTable {
  id: Id;
  network_id: number;
  branch_id: number;
  year: number;
  direction_id: number | null;
  planned_events: number;
  planned_attendance: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type BibSchema = 'marc21' | 'rusmarc';
export type AgeRating = '0+' | '6+' | '12+' | '16+' | '18+';

export interface BibRecordsTable {
  id: Id;
  network_id: number;
  schema: BibSchema;
  /** The MarcRecord as read ({leader, fields}); see catalogue/marc/record.ts. */
  record: ColumnType<unknown, string, string>;
  control_number: string | null;
  control_number_source: string | null;
  title: Generated<string>;
  subtitle: Generated<string>;
  parallel_titles: Generated<string[]>;
  responsibility: Generated<string>;
  persons: ColumnType<unknown, string | undefined, string>;
  edition: Generated<string>;
  place: Generated<string>;
  publisher: Generated<string>;
  year: number | null;
  extent: Generated<string>;
  series: Generated<string[]>;
  /** Migration 0013: the works a collection holds (RUSMARC 464, MARC21 505). */
  contents: Generated<string[]>;
  /** Migration 0013: the version of the projection code the row's projection comes from (`PROJECTION_VERSION`). */
  projection_version: Generated<number>;
  isbns: Generated<string[]>;
  invalid_isbns: Generated<string[]>;
  issns: Generated<string[]>;
  languages: Generated<string[]>;
  document_type: Generated<string>;
  bbk: Generated<string[]>;
  author_mark: Generated<string>;
  udc: Generated<string[]>;
  subjects: Generated<string[]>;
  keywords: Generated<string[]>;
  annotation: Generated<string>;
  age_rating: AgeRating | null;
  match_key: string | null;
  search_vector: ColumnType<string, string, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Migration 0008 (catalogue search): folded title and primary authors, ББК divisions and prefix text. */
  title_key: Generated<string>;
  author_keys: Generated<string[]>;
  bbk_divisions: Generated<string[]>;
  bbk_key: Generated<string>;
  /**
   * Migration 0016: the transaction that last wrote the row (xid8, read as text); set by a trigger on every
   * INSERT and UPDATE, whatever the statement says — the change feed of search/in-memory/.
   */
  changed_xid: ColumnType<string, never, never>;
}

/** Migration 0016: a deleted record (`id` null: the whole table was truncated) and the transaction that deleted it. */
export interface BibRecordDeletionsTable {
  entry_id: Id;
  id: number | null;
  network_id: number | null;
  /** xid8, read as text; set by a trigger on INSERT. */
  changed_xid: ColumnType<string, never, never>;
}

/** Words of titles and person names per network: what typo correction picks from (migration 0008). */
export interface CatalogueWordsTable {
  network_id: number;
  word: string;
}

export type CatalogueImportStatus = 'running' | 'done' | 'failed';

/** One MARC file loaded (catalogue/import/): options, progress and the first bad records' reports. */
export interface CatalogueImportsTable {
  id: Id;
  network_id: number;
  file_name: Generated<string>;
  file_size: number | null;
  bytes_read: Generated<number>;
  format: 'iso2709' | 'marcxml' | null;
  schema: 'marc21' | 'rusmarc' | 'mixed' | null;
  encoding: 'utf-8' | 'cp1251' | 'marc-8' | 'mixed' | null;
  auto_detected: Generated<string[]>;
  on_match: 'skip' | 'replace' | 'merge';
  status: Generated<CatalogueImportStatus>;
  message: Generated<string>;
  read_count: Generated<number>;
  imported_count: Generated<number>;
  updated_count: Generated<number>;
  skipped_count: Generated<number>;
  failed_count: Generated<number>;
  /** [{index, byteOffset, code, reason}], capped (import/catalogue-imports.ts). */
  errors: ColumnType<unknown, string | undefined, string>;
  user_id: number | null;
  started_at: ColumnType<Date, never, never>;
  finished_at: ColumnType<Date | null, never, Date | null>;
  /** Migration 0014: written with every progress update; see import.queries.ts (a stalled import). */
  heartbeat_at: ColumnType<Date, never, Date>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  networks: NetworksTable;
  branches: BranchesTable;
  branch_events: BranchEventsTable;
  branch_periods: BranchPeriodsView;
  service_points: ServicePointsTable;
  staff_members: StaffMembersTable;
  staff_positions: StaffPositionsTable;
  trainings: TrainingsTable;
  users: UsersTable;
  user_branches: UserBranchesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  event_forms: EventFormsTable;
  event_directions: EventDirectionsTable;
  partners: PartnersTable;
  campaigns: CampaignsTable;
  campaign_participations: CampaignParticipationsTable;
  events: EventsTable;
  event_branches: EventBranchesTable;
  event_direction_links: EventDirectionLinksTable;
  event_partners: EventPartnersTable;
  event_plans: EventPlansTable;
  competitions: CompetitionsTable;
  competition_entries: CompetitionEntriesTable;
  competition_entry_staff: CompetitionEntryStaffTable;
  awards: AwardsTable;
  award_documents: AwardDocumentsTable;
  jury_memberships: JuryMembershipsTable;
  jury_members: JuryMembersTable;
  conference_participations: ConferenceParticipationsTable;
  conference_participants: ConferenceParticipantsTable;
  honours: HonoursTable;
  honour_recipients: HonourRecipientsTable;
  seminars: SeminarsTable;
  seminar_attendees: SeminarAttendeesTable;
  bib_records: BibRecordsTable;
  bib_record_deletions: BibRecordDeletionsTable;
  catalogue_words: CatalogueWordsTable;
  catalogue_imports: CatalogueImportsTable;
}
