import type { Selectable, Updateable } from 'kysely';
import type { StaffMembersTable, StaffPositionsTable, TrainingsTable } from '../../db/schema.js';
import type { StaffMemberRow } from './staff.queries.js';
import type { StaffMemberView, StaffPositionView, TrainingView, UpdateStaffMemberInput } from './staff.schemas.js';

export const presentStaffMember = (row: StaffMemberRow): StaffMemberView => ({
  id: row.id,
  branchId: row.branch_id,
  branchName: row.branch_name,
  lastName: row.last_name,
  firstName: row.first_name,
  middleName: row.middle_name,
  fullName: [row.last_name, row.first_name, row.middle_name].filter(Boolean).join(' '),
  position: row.position,
  employment: row.employment,
  isCoreStaff: row.is_core_staff,
  education: row.education,
  hasLibraryEducation: row.has_library_education,
  libraryExperienceSince: row.library_experience_since,
  birthDate: row.birth_date,
  hasDisability: row.has_disability,
  hiredOn: row.hired_on,
  dismissedOn: row.dismissed_on,
});

export const presentTraining = (row: Selectable<TrainingsTable>): TrainingView => ({
  id: row.id,
  staffMemberId: row.staff_member_id,
  course: row.course,
  provider: row.provider,
  topic: row.topic,
  hours: row.hours,
  startedOn: row.started_on,
  finishedOn: row.finished_on,
  certificateNumber: row.certificate_number,
});

export const presentStaffPosition = (row: Selectable<StaffPositionsTable>): StaffPositionView => ({
  id: row.id,
  branchId: row.branch_id,
  title: row.title,
  rate: row.rate,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

/** The columns for the given fields of a staff member (absent fields stay absent). */
export const staffMemberColumns = (input: UpdateStaffMemberInput): Updateable<StaffMembersTable> => ({
  branch_id: input.branchId,
  last_name: input.lastName,
  first_name: input.firstName,
  middle_name: input.middleName,
  position: input.position,
  employment: input.employment,
  is_core_staff: input.isCoreStaff,
  education: input.education,
  has_library_education: input.hasLibraryEducation,
  library_experience_since: input.libraryExperienceSince,
  birth_date: input.birthDate,
  has_disability: input.hasDisability,
  hired_on: input.hiredOn,
  dismissed_on: input.dismissedOn,
});
