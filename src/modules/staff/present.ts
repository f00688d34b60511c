import type { Selectable, Updateable } from 'kysely';
import type { SeminarsTable, StaffMembersTable, StaffPositionsTable, TrainingsTable } from '../../db/schema.js';
import type { computeTrainingStatistics, listNetworkTrainings, listSeminarAttendees, StaffMemberRow } from './staff.queries.js';
import type {
  SeminarView, StaffMemberView, StaffPositionView, TrainingListItemView, TrainingStatistics, TrainingView, UpdateStaffMemberInput,
} from './staff.schemas.js';

interface NameColumns {
  last_name: string;
  first_name: string;
  middle_name: string;
}

/** «Фамилия Имя Отчество», without the parts left empty. */
export const fullName = (row: NameColumns) => [row.last_name, row.first_name, row.middle_name].filter(Boolean).join(' ');

export const presentStaffMember = (row: StaffMemberRow): StaffMemberView => ({
  id: row.id,
  branchId: row.branch_id,
  branchName: row.branch_name,
  lastName: row.last_name,
  firstName: row.first_name,
  middleName: row.middle_name,
  fullName: fullName(row),
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

type TrainingListRow = Awaited<ReturnType<typeof listNetworkTrainings>>['rows'][number];

export const presentTrainingListItem = (row: TrainingListRow): TrainingListItemView => ({
  ...presentTraining(row),
  staffMemberName: fullName(row),
  branchId: row.branch_id,
  branchName: row.branch_name,
});

type StatisticsRow = Awaited<ReturnType<typeof computeTrainingStatistics>>[number];

/** The aggregate's rows: one per topic, and the total (topic null), which is zero when nobody trained. */
export function presentTrainingStatistics(year: number, rows: StatisticsRow[]): TrainingStatistics {
  const figures = ({ people, courses, certificates, hours }: StatisticsRow) => ({ people, courses, certificates, hours });
  const total = rows.find((row) => row.topic === null);
  return {
    year,
    byTopic: rows.filter((row) => row.topic !== null).map((row) => ({ topic: row.topic!, ...figures(row) })),
    total: total ? figures(total) : { people: 0, courses: 0, certificates: 0, hours: 0 },
  };
}

type AttendeeRow = Awaited<ReturnType<typeof listSeminarAttendees>>[number];

export function presentSeminar(row: Selectable<SeminarsTable>, attendees: AttendeeRow[]): SeminarView {
  const own = attendees.filter((attendee) => attendee.seminar_id === row.id);
  return {
    id: row.id,
    heldOn: row.held_on,
    topic: row.topic,
    organiser: row.organiser,
    description: row.description,
    externalAttendees: row.external_attendees,
    attendees: own.map((attendee) => ({ id: attendee.id, fullName: fullName(attendee), branchId: attendee.branch_id, branchName: attendee.branch_name })),
    attendeeCount: own.length + row.external_attendees,
  };
}
