/**
 * Staff: people, establishment posts (штатные единицы), their training records and the seminars
 * the network runs for them (professional development).
 */
export { staffRoutes } from './staff.routes.js';
export { createStaffMember } from './create-staff-member.js';
export { createStaffPosition } from './staff-positions.js';
export { addTraining } from './trainings.js';
export { recordSeminar } from './record-seminar.js';
export { findStaffMemberBranches } from './staff.queries.js';
export { fullName } from './present.js';
/** Staff of a network (filtered, paged), e.g. for matching names in an imported report. */
export { listStaffMembers } from './staff.queries.js';
export { createTrainingBody, recordSeminarBody, type RecordSeminarInput } from './staff.schemas.js';
export type { CreateStaffMemberInput, CreateStaffPositionInput, CreateTrainingInput } from './staff.schemas.js';
