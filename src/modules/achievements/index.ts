/**
 * Achievements: competitions with the network's entries and their awards (with the scanned
 * diploma), jury work of staff, conference participation, letters of thanks and honours; the
 * year's summary in the order and wording of the annual report.
 *
 * Other modules (the report-text importer) validate proposals with the exported body schemas
 * and save them through the use-cases, inside their own transaction.
 */
export { achievementsRoutes } from './achievements.routes.js';
export { createCompetition } from './create-competition.js';
export { findCompetitionViewByName } from './views.js';
export { updateCompetition } from './update-competition.js';
export { addEntry } from './add-entry.js';
export { addAward } from './add-award.js';
export { recordJuryMembership } from './record-jury-membership.js';
export { recordConferenceParticipation } from './record-conference-participation.js';
export { recordHonour } from './record-honour.js';
export {
  addAwardBody, addEntryBody, awardResultSchema, competitionLevelSchema, createCompetitionBody, participantKindSchema,
  recordConferenceParticipationBody, recordHonourBody, recordJuryMembershipBody, updateCompetitionBody,
} from './achievements.schemas.js';
export type {
  AddAwardInput, AddEntryInput, AwardResult, CompetitionLevel, CompetitionView, ConferenceParticipationView, CreateCompetitionInput,
  EntryView, HonourView, JuryMembershipView, ParticipantKind, RecordConferenceParticipationInput, RecordHonourInput,
  RecordJuryMembershipInput, UpdateCompetitionInput,
} from './achievements.schemas.js';
export { awardWording, LEVEL_HEADINGS, LEVEL_ORDER } from './wording.js';
