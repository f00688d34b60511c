import { awardResultSchema, competitionLevelSchema } from '../achievements/index.js';
import { createTrainingBody } from '../staff/index.js';
import { id, isoDate, optionalText, requiredText, year, z } from '../../shared/zod.js';

/**
 * A proposal is what the parser read in the report, in the shape of the records it would
 * become. The same shapes come back from the reviewer with `accepted` and their corrections,
 * so a field the parser left empty is allowed here; whether an accepted proposal is complete is
 * decided by the receiving module's own body schema when it is saved.
 */
const ids = () => z.array(id()).max(200);

const proposalBase = {
  key: z.string().trim().min(1).max(20).describe('номер предложения в разборе'),
  source: optionalText(5000).describe('фрагмент текста, из которого оно получено'),
  warnings: z.array(z.string().max(500)).max(20),
  confidence: z.enum(['high', 'medium', 'low']).describe('high — всё найдено; medium — есть неточные совпадения; low — чего-то не хватает'),
};

export const proposedResultSchema = z.object({
  result: awardResultSchema,
  rank: z.number().int().min(1).max(3).nullable().describe('место или степень диплома'),
  amountKopecks: z.number().int().positive().max(100_000_000_000).nullable(),
  note: optionalText(500),
}).strict();
export type ProposedResult = z.infer<typeof proposedResultSchema>;

/** Who took part: a branch; a staff member (their branch is credited); a reader prepared by a branch. */
export const proposedParticipantSchema = z.object({
  kind: z.enum(['branch', 'staff', 'reader']),
  branchId: id().nullable(),
  staffMemberId: id().nullable(),
  readerName: optionalText(200),
}).strict();
export type ProposedParticipant = z.infer<typeof proposedParticipantSchema>;

const awardProposal = z.object({
  kind: z.literal('award'),
  ...proposalBase,
  competition: optionalText(500),
  level: competitionLevelSchema.nullable(),
  nomination: optionalText(300),
  workTitle: optionalText(500),
  participant: proposedParticipantSchema.nullable(),
  participantText: optionalText(500).describe('как участник назван в тексте'),
  results: z.array(proposedResultSchema).max(10),
}).strict();

const campaignProposal = z.object({
  kind: z.literal('campaign'),
  ...proposalBase,
  name: optionalText(500),
  level: competitionLevelSchema.nullable(),
  branchIds: ids(),
  participantText: optionalText(500),
}).strict();

const honourProposal = z.object({
  kind: z.literal('honour'),
  ...proposalBase,
  title: optionalText(500),
  fromOrganisation: optionalText(500),
  reason: optionalText(1000),
  branchIds: ids(),
  staffMemberIds: ids(),
  participantText: optionalText(500),
}).strict();

const trainingProposal = z.object({
  kind: z.literal('training'),
  ...proposalBase,
  course: optionalText(500),
  topic: createTrainingBody.shape.topic.unwrap().nullable(),
  finishedOn: isoDate().nullable().describe('дата окончания обучения: в отчёте её обычно нет'),
  staffMemberIds: ids().describe('кто прошёл обучение'),
  expectedCount: z.number().int().min(0).nullable().describe('сколько сотрудников названо в тексте'),
  suggestedBranchIds: ids().describe('филиалы, названные в тексте'),
  participantText: optionalText(500),
}).strict();

const juryProposal = z.object({
  kind: z.literal('jury'),
  ...proposalBase,
  competition: optionalText(500),
  level: competitionLevelSchema.nullable(),
  staffMemberIds: ids(),
  expectedCount: z.number().int().min(0).nullable(),
  suggestedBranchIds: ids(),
  participantText: optionalText(500),
}).strict();

const conferenceProposal = z.object({
  kind: z.literal('conference'),
  ...proposalBase,
  name: optionalText(500),
  level: competitionLevelSchema.nullable(),
  branchIds: ids(),
  staffMemberIds: ids(),
  participantText: optionalText(500),
}).strict();

const seminarProposal = z.object({
  kind: z.literal('seminar'),
  ...proposalBase,
  topic: optionalText(500),
  heldOn: isoDate().nullable(),
  description: optionalText(4000),
  attendeeStaffIds: ids(),
}).strict();

export const proposalSchema = z.discriminatedUnion('kind', [
  awardProposal, campaignProposal, honourProposal, trainingProposal, juryProposal, conferenceProposal, seminarProposal,
]);
export type Proposal = z.infer<typeof proposalSchema>;
export type ProposalKind = Proposal['kind'];
export type ProposalOf<K extends ProposalKind> = Extract<Proposal, { kind: K }>;

export const reportTextBody = z.object({
  text: requiredText(200_000).describe('текст отчёта, вставленный как есть'),
  year: year().optional().describe('год отчёта; по умолчанию — из текста («В 2023 году…»)'),
}).strict();
export type ReportTextInput = z.infer<typeof reportTextBody>;

export const repeatedPassageSchema = z.object({ text: z.string(), words: z.number().int() });

export const reportTextProposalsSchema = z.object({
  year: z.number().int().nullable(),
  proposals: z.array(proposalSchema),
  repeatedPassages: z.array(repeatedPassageSchema).describe('повторы текста, которые пропущены'),
});
export type ReportTextProposals = z.infer<typeof reportTextProposalsSchema>;

const accepted = { accepted: z.boolean().describe('сохранить (true) или отклонить (false)') };
export const reviewedProposalSchema = z.discriminatedUnion('kind', [
  awardProposal.extend(accepted), campaignProposal.extend(accepted), honourProposal.extend(accepted),
  trainingProposal.extend(accepted), juryProposal.extend(accepted), conferenceProposal.extend(accepted),
  seminarProposal.extend(accepted),
]);
export type ReviewedProposal = z.infer<typeof reviewedProposalSchema>;

export const confirmReportTextBody = z.object({
  year: year(),
  proposals: z.array(reviewedProposalSchema).min(1).max(500),
}).strict();
export type ConfirmReportTextInput = z.infer<typeof confirmReportTextBody>;

export const savedRecordSchema = z.object({
  key: z.string(),
  kind: z.enum(['competition', 'entry', 'campaign', 'campaign_participation', 'honour', 'training', 'jury', 'conference', 'seminar']),
  id: z.number().int(),
  label: z.string().describe('что сохранено, по-русски'),
});
export type SavedRecord = z.infer<typeof savedRecordSchema>;

export const confirmReportTextResultSchema = z.object({
  saved: z.array(savedRecordSchema),
  accepted: z.number().int(),
  rejected: z.number().int(),
});
export type ConfirmReportTextResult = z.infer<typeof confirmReportTextResultSchema>;
