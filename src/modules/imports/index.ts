/**
 * Imports: records proposed from text the network already has — a pasted annual report's
 * achievements, campaigns, courses, jury work, conferences and seminars — reviewed by a person,
 * then saved through the owning modules' use-cases. Owns no tables.
 */
export { importsRoutes } from './imports.routes.js';
export { proposeReportImport } from './propose-report-import.js';
export { confirmReportImport } from './confirm-report-import.js';
export { parseReportText, type KnownBranch, type KnownStaffMember } from './report-text/parse-report-text.js';
export type { ConfirmReportTextInput, Proposal, ProposalOf, ReviewedProposal } from './imports.schemas.js';
