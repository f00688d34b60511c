/**
 * The API contract as the web app sees it: every type here is inferred from the zod
 * schemas in the modules' *.schemas.ts, never written by hand, so a change of the
 * contract breaks the web build instead of the page.
 *
 * The schemas are read through `import()` types: type-only, erased from the bundle
 * (no server code reaches the browser). A plain `import type` from a module's
 * *.schemas.ts trips the module-boundary lint rule, which guards src/modules.
 */
import type { z } from 'zod';

type NetworkSchemas = typeof import('../../modules/network/network.schemas.js');
type StaffSchemas = typeof import('../../modules/staff/staff.schemas.js');
type AuthSchemas = typeof import('../../modules/auth/auth.schemas.js');
type SharedSchemas = typeof import('../../shared/zod.js');
type EventsSchemas = typeof import('../../modules/events/events.schemas.js');
type AchievementsSchemas = typeof import('../../modules/achievements/achievements.schemas.js');
type ImportSchemas = typeof import('../../modules/imports/imports.schemas.js');

/** What a response type becomes after JSON: instants arrive as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Out<S extends z.ZodType> = Json<z.output<S>>;
/** A request body as the client sends it (defaults may be omitted). */
type In<S extends z.ZodType> = z.input<S>;
/** A query string's parameters as the server reads them (all may be omitted). */
type QueryOf<S extends z.ZodType> = Partial<z.output<S>>;

export type Problem = Out<SharedSchemas['problemSchema']>;
export type FieldError = NonNullable<Problem['errors']>[number];
export type Paged<T> = Omit<Out<ReturnType<SharedSchemas['paged']>>, 'items'> & { items: T[] };

// Network: branches, history, service points.
export type NetworkView = Out<NetworkSchemas['networkSchema']>;
export type BranchType = Out<NetworkSchemas['branchTypeSchema']>;
export type BranchEventKind = Out<NetworkSchemas['branchEventKindSchema']>;
export type BasisKind = Out<NetworkSchemas['basisKindSchema']>;
export type ServicePointKind = Out<NetworkSchemas['servicePointKindSchema']>;
export type BranchView = Out<NetworkSchemas['branchSchema']>;
export type BranchCard = Out<NetworkSchemas['branchCardSchema']>;
export type BranchEventView = Out<NetworkSchemas['branchEventSchema']>;
export type ServicePointView = Out<NetworkSchemas['servicePointSchema']>;
export type BranchListQuery = QueryOf<NetworkSchemas['branchListQuery']>;
export type CreateBranchBody = In<NetworkSchemas['createBranchBody']>;
export type UpdateBranchBody = In<NetworkSchemas['updateBranchBody']>;
export type BranchEventBody = In<NetworkSchemas['branchEventBody']>;
export type CreateServicePointBody = In<NetworkSchemas['createServicePointBody']>;
export type UpdateServicePointBody = In<NetworkSchemas['updateServicePointBody']>;

// Staff: people and their training.
export type Employment = Out<StaffSchemas['employmentSchema']>;
export type Education = Out<StaffSchemas['educationSchema']>;
export type TrainingTopic = Out<StaffSchemas['trainingTopicSchema']>;
export type StaffMemberView = Out<StaffSchemas['staffMemberSchema']>;
export type StaffCard = Out<StaffSchemas['staffCardSchema']>;
export type TrainingView = Out<StaffSchemas['trainingSchema']>;
export type StaffListQuery = QueryOf<StaffSchemas['staffListQuery']>;
export type CreateStaffMemberBody = In<StaffSchemas['createStaffMemberBody']>;
export type UpdateStaffMemberBody = In<StaffSchemas['updateStaffMemberBody']>;
export type CreateTrainingBody = In<StaffSchemas['createTrainingBody']>;
export type StaffPositionView = Out<StaffSchemas['staffPositionSchema']>;
export type StaffPositionListQuery = QueryOf<StaffSchemas['staffPositionListQuery']>;
export type CreateStaffPositionBody = In<StaffSchemas['createStaffPositionBody']>;
export type UpdateStaffPositionBody = In<StaffSchemas['updateStaffPositionBody']>;
export type StaffStatisticsQuery = QueryOf<StaffSchemas['staffStatisticsQuery']>;
export type StaffStatistics = Out<StaffSchemas['staffStatisticsSchema']>;
export type TrainingListItemView = Out<StaffSchemas['trainingListItemSchema']>;
export type TrainingListQuery = QueryOf<StaffSchemas['trainingListQuery']>;
export type TrainingStatistics = Out<StaffSchemas['trainingStatisticsSchema']>;
export type SeminarView = Out<StaffSchemas['seminarSchema']>;
export type SeminarListQuery = QueryOf<StaffSchemas['seminarListQuery']>;
export type RecordSeminarBody = In<StaffSchemas['recordSeminarBody']>;

// Accounts and the audit log.
export type Role = Out<AuthSchemas['roleSchema']>;
export type Me = Out<AuthSchemas['meSchema']>;
export type LoginBody = In<AuthSchemas['loginBody']>;
export type UserView = Out<AuthSchemas['userSchema']>;
export type CreateUserBody = In<AuthSchemas['createUserBody']>;
export type UpdateUserBody = In<AuthSchemas['updateUserBody']>;
export type AuditQuery = QueryOf<AuthSchemas['auditQuery']>;
export type AuditEntry = Out<AuthSchemas['auditEntrySchema']>;
export type AuditAction = AuditEntry['action'];

// Import of achievements from a report's text: proposals, the reviewed ones sent back, what was saved.
export type ReportTextProposals = Out<ImportSchemas['reportTextProposalsSchema']>;
export type ImportProposal = Out<ImportSchemas['proposalSchema']>;
export type ImportProposalOf<K extends ImportProposal['kind']> = Extract<ImportProposal, { kind: K }>;
export type ReviewedProposal = In<ImportSchemas['reviewedProposalSchema']>;
export type ProposedResult = Out<ImportSchemas['proposedResultSchema']>;
export type ImportLevel = NonNullable<ImportProposalOf<'award'>['level']>;
export type ImportResultKind = ProposedResult['result'];
export type ConfirmReportTextResult = Out<ImportSchemas['confirmReportTextResultSchema']>;

// Achievements: competitions with entries and awards, jury work, conferences, honours, the year's summary.
export type CompetitionLevel = Out<AchievementsSchemas['competitionLevelSchema']>;
export type ParticipantKind = Out<AchievementsSchemas['participantKindSchema']>;
export type AwardResult = Out<AchievementsSchemas['awardResultSchema']>;
export type CompetitionView = Out<AchievementsSchemas['competitionSchema']>;
export type EntryView = Out<AchievementsSchemas['entrySchema']>;
export type AwardView = Out<AchievementsSchemas['awardSchema']>;
export type DocumentView = Out<AchievementsSchemas['documentSchema']>;
export type CompetitionListQuery = QueryOf<AchievementsSchemas['competitionListQuery']>;
export type CreateCompetitionBody = In<AchievementsSchemas['createCompetitionBody']>;
export type UpdateCompetitionBody = In<AchievementsSchemas['updateCompetitionBody']>;
export type AddEntryBody = In<AchievementsSchemas['addEntryBody']>;
export type AddAwardBody = In<AchievementsSchemas['addAwardBody']>;
export type RecordListQuery = QueryOf<AchievementsSchemas['recordListQuery']>;
export type JuryMembershipView = Out<AchievementsSchemas['juryMembershipSchema']>;
export type ConferenceParticipationView = Out<AchievementsSchemas['conferenceParticipationSchema']>;
export type HonourView = Out<AchievementsSchemas['honourSchema']>;
export type ParticipantView = Out<AchievementsSchemas['participantSchema']>;
export type RecordJuryMembershipBody = In<AchievementsSchemas['recordJuryMembershipBody']>;
export type RecordConferenceParticipationBody = In<AchievementsSchemas['recordConferenceParticipationBody']>;
export type RecordHonourBody = In<AchievementsSchemas['recordHonourBody']>;
export type AchievementSummary = Out<AchievementsSchemas['achievementSummarySchema']>;

// Events: the events with attendance, their dictionaries, partners, campaigns, plans and statistics.
export type EventPlaceKind = Out<EventsSchemas['placeKindSchema']>;
export type EventAudience = Out<EventsSchemas['audienceSchema']>;
export type EventAdmission = Out<EventsSchemas['admissionSchema']>;
export type PartnerKind = Out<EventsSchemas['partnerKindSchema']>;
export type CampaignKind = Out<EventsSchemas['campaignKindSchema']>;
export type CampaignLevel = Out<EventsSchemas['campaignLevelSchema']>;
export type StatisticsGroup = Out<EventsSchemas['statisticsGroupSchema']>;
export type EventView = Out<EventsSchemas['eventSchema']>;
export type EventListQuery = QueryOf<EventsSchemas['eventListQuery']>;
export type CreateEventBody = In<EventsSchemas['createEventBody']>;
export type UpdateEventBody = In<EventsSchemas['updateEventBody']>;
export type DuplicateEventBody = In<EventsSchemas['duplicateEventBody']>;
export type EventDictionaries = Out<EventsSchemas['dictionariesSchema']>;
export type EventFormView = Out<EventsSchemas['formSchema']>;
export type EventDirectionView = Out<EventsSchemas['directionSchema']>;
export type CreateEventFormBody = In<EventsSchemas['createFormBody']>;
export type UpdateEventFormBody = In<EventsSchemas['updateFormBody']>;
export type PartnerView = Out<EventsSchemas['partnerSchema']>;
export type PartnerCard = Out<EventsSchemas['partnerCardSchema']>;
export type PartnerListQuery = QueryOf<EventsSchemas['partnerListQuery']>;
export type CreatePartnerBody = In<EventsSchemas['createPartnerBody']>;
export type CampaignView = Out<EventsSchemas['campaignSchema']>;
export type CampaignCard = Out<EventsSchemas['campaignCardSchema']>;
export type CampaignListQuery = QueryOf<EventsSchemas['campaignListQuery']>;
export type CreateCampaignBody = In<EventsSchemas['createCampaignBody']>;
export type ParticipationBody = In<EventsSchemas['participationBody']>;
export type EventPlanBody = In<EventsSchemas['eventPlanBody']>;
export type Fulfilment = Out<EventsSchemas['fulfilmentSchema']>;
export type FulfilmentQuery = QueryOf<EventsSchemas['fulfilmentQuery']>;
export type EventStatistics = Out<EventsSchemas['statisticsSchema']>;
export type EventStatisticsQuery = QueryOf<EventsSchemas['statisticsQuery']>;

// Catalogue: records, search (Contract 1) and cataloguing (Contract 2).
type CatalogueSchemas = typeof import('../../modules/catalogue/catalogue.schemas.js');
type CatalogueSearchSchemas = typeof import('../../modules/catalogue/search/search.schemas.js');
type CataloguingSchemas = typeof import('../../modules/catalogue/cataloguing/cataloguing.schemas.js');
export type BibRecordView = Out<CatalogueSchemas['bibRecordSchema']>;
export type MarcRecordView = Out<CatalogueSchemas['marcRecordSchema']>;
export type AgeRating = Out<CatalogueSchemas['ageRatingSchema']>;
export type CatalogueSearchQuery = QueryOf<CatalogueSearchSchemas['catalogueSearchQuery']>;
export type CatalogueSearchResult = Out<CatalogueSearchSchemas['catalogueSearchResponse']>;
export type CatalogueHit = Out<CatalogueSearchSchemas['catalogueHitSchema']>;
export type BibFormView = Out<CataloguingSchemas['bibFormSchema']>;
export type BibRecordFormView = Out<CataloguingSchemas['bibRecordFormSchema']>;
export type CreateBibRecordBody = In<CataloguingSchemas['createBibRecordBody']>;
export type UpdateBibRecordBody = In<CataloguingSchemas['updateBibRecordBody']>;
export type DuplicatesQuery = QueryOf<CataloguingSchemas['duplicatesQuery']>;
export type DuplicatesView = Out<CataloguingSchemas['duplicatesSchema']>;
export type DuplicateCandidateView = Out<CataloguingSchemas['duplicateCandidateSchema']>;
export type CataloguingOptions = Out<CataloguingSchemas['cataloguingOptionsSchema']>;

// Catalogue import and export (Contract 4).
type CatalogueImportSchemas = typeof import('../../modules/catalogue/import/import.schemas.js');
export type CatalogueImportView = Out<CatalogueImportSchemas['catalogueImportSchema']>;
export type CatalogueImportDetail = Out<CatalogueImportSchemas['catalogueImportDetailSchema']>;
export type Iso2709ExportCheck = Out<CatalogueImportSchemas['iso2709CheckSchema']>;
export type CatalogueImportUploadQuery = QueryOf<CatalogueImportSchemas['importUploadQuery']>;
