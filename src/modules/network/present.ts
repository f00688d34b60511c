import type { Selectable, Updateable } from 'kysely';
import type { BranchEventsTable, BranchesTable, ServicePointsTable } from '../../db/schema.js';
import type { BranchRow } from './network.queries.js';
import type { BranchEventView, BranchView, ServicePointView, UpdateBranchInput } from './network.schemas.js';

export const presentBranch = (row: BranchRow): BranchView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type,
  isPublicAccessCentre: row.is_public_access_centre,
  isModel: row.is_model,
  settlement: row.settlement,
  address: row.address,
  phone: row.phone,
  email: row.email,
  openingHours: row.opening_hours,
  workingDays: row.working_days,
  populationServed: row.population_served,
  openedOn: row.opened_on,
  liquidatedOn: row.is_active ? null : row.liquidated_on,
  isActive: row.is_active,
  ...(row.days_active_in_year === undefined ? {} : { daysActiveInYear: row.days_active_in_year }),
});

export const presentBranchEvent = (row: Selectable<BranchEventsTable>): BranchEventView => ({
  id: row.id,
  kind: row.kind,
  occurredOn: row.occurred_on,
  basisKind: row.basis_kind,
  basis: row.basis,
  details: row.details,
  createdAt: row.created_at,
});

export const presentServicePoint = (row: Selectable<ServicePointsTable>): ServicePointView => ({
  id: row.id,
  branchId: row.branch_id,
  name: row.name,
  kind: row.kind,
  address: row.address,
  openedOn: row.opened_on,
  closedOn: row.closed_on,
});

/** The columns for a branch's contacts and service details (absent fields stay absent). */
export const branchDetailColumns = (input: UpdateBranchInput): Updateable<BranchesTable> => ({
  settlement: input.settlement,
  address: input.address,
  phone: input.phone,
  email: input.email,
  opening_hours: input.openingHours,
  working_days: input.workingDays,
  population_served: input.populationServed,
});
