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
}
