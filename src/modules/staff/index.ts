/**
 * Staff: people, establishment posts (штатные единицы) and their training records.
 */
export { staffRoutes } from './staff.routes.js';
export { createStaffMember } from './create-staff-member.js';
export { createStaffPosition } from './create-staff-position.js';
export { addTraining } from './trainings.js';
export type { CreateStaffMemberInput, CreateStaffPositionInput, CreateTrainingInput } from './staff.schemas.js';
