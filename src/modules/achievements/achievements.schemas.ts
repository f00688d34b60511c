import { id, idParam, isoDate, optionalText, paginationQuery, requiredText, year, yearParam, z } from '../../shared/zod.js';

/** From the widest to the narrowest, the order in which the annual report lists them. */
export const competitionLevelSchema = z.enum(['international', 'national', 'regional', 'inter_district', 'district']);
export type CompetitionLevel = z.infer<typeof competitionLevelSchema>;

export const participantKindSchema = z.enum(['branch', 'staff', 'reader', 'team']);
export type ParticipantKind = z.infer<typeof participantKindSchema>;

export const awardResultSchema = z.enum([
  'place', 'diploma', 'winner_diploma', 'laureate_diploma', 'participation_certificate', 'thanks_letter', 'monetary', 'grant',
]);
export type AwardResult = z.infer<typeof awardResultSchema>;

/** The results that carry a rank: the place, or the diploma's degree. */
export const RANKED_RESULTS: readonly AwardResult[] = ['place', 'diploma'];
/** The results that may carry an amount of money (required for a monetary award). */
export const MONEY_RESULTS: readonly AwardResult[] = ['monetary', 'grant'];

const nominations = z.array(requiredText(300)).max(50).refine((names) => new Set(names).size === names.length, 'номинации повторяются');

const competitionFields = {
  name: requiredText(500),
  year: year(),
  level: competitionLevelSchema,
  organiser: optionalText(500),
  nominations,
};

export const createCompetitionBody = z.object({
  ...competitionFields,
  organiser: competitionFields.organiser.optional(),
  nominations: competitionFields.nominations.optional(),
}).strict();
export type CreateCompetitionInput = z.infer<typeof createCompetitionBody>;

export const updateCompetitionBody = z.object(competitionFields).partial().strict();
export type UpdateCompetitionInput = z.infer<typeof updateCompetitionBody>;

export const addAwardBody = z.object({
  result: awardResultSchema,
  rank: z.number().int().min(1).max(3).optional().describe('место или степень диплома, 1–3'),
  amountKopecks: z.number().int().positive().max(100_000_000_000).optional().describe('сумма в копейках'),
  note: optionalText(500).optional(),
}).strict().superRefine((award, context) => {
  const ranked = RANKED_RESULTS.includes(award.result);
  if (ranked && award.rank === undefined) {
    context.addIssue({ code: 'custom', path: ['rank'], message: award.result === 'place' ? 'укажите место (1–3)' : 'укажите степень диплома (1–3)' });
  }
  if (!ranked && award.rank !== undefined) {
    context.addIssue({ code: 'custom', path: ['rank'], message: 'место или степень указываются только для места и диплома' });
  }
  if (award.result === 'monetary' && award.amountKopecks === undefined) {
    context.addIssue({ code: 'custom', path: ['amountKopecks'], message: 'укажите сумму денежного поощрения' });
  }
  if (!MONEY_RESULTS.includes(award.result) && award.amountKopecks !== undefined) {
    context.addIssue({ code: 'custom', path: ['amountKopecks'], message: 'сумма указывается только для денежного поощрения и гранта' });
  }
});
export type AddAwardInput = z.infer<typeof addAwardBody>;

export const addEntryBody = z.object({
  branchId: id().describe('филиал, которому засчитывается участие'),
  participantKind: participantKindSchema,
  staffMemberIds: z.array(id()).max(50).optional().describe('сотрудники-участники или члены команды'),
  readerName: optionalText(200).optional(),
  preparedByStaffId: id().optional().describe('сотрудник, подготовивший читателя'),
  teamName: optionalText(300).optional(),
  nomination: optionalText(300).optional(),
  workTitle: optionalText(500).optional(),
  awards: z.array(addAwardBody).max(10).optional(),
}).strict().superRefine((entry, context) => {
  const issue = (field: string, message: string) => context.addIssue({ code: 'custom', path: [field], message });
  const staffCount = entry.staffMemberIds?.length ?? 0;
  if (entry.participantKind === 'staff' && staffCount === 0) issue('staffMemberIds', 'укажите сотрудников-участников');
  if ((entry.participantKind === 'branch' || entry.participantKind === 'reader') && staffCount > 0) {
    issue('staffMemberIds', 'сотрудники указываются для участия сотрудников или команды');
  }
  if (entry.participantKind === 'reader' && !entry.readerName) issue('readerName', 'укажите читателя');
  if (entry.participantKind !== 'reader' && entry.readerName) issue('readerName', 'читатель указывается только для участия читателя');
  if (entry.participantKind !== 'reader' && entry.preparedByStaffId !== undefined) {
    issue('preparedByStaffId', 'подготовившего сотрудника указывают только для участия читателя');
  }
  if (entry.participantKind === 'team' && !entry.teamName) issue('teamName', 'укажите название команды');
  if (entry.participantKind !== 'team' && entry.teamName) issue('teamName', 'название команды указывается только для команды');
  if (new Set(entry.staffMemberIds).size !== staffCount) issue('staffMemberIds', 'сотрудники повторяются');
});
export type AddEntryInput = z.infer<typeof addEntryBody>;

/** Who took part in a conference or received an honour: branches, staff members, or both. */
const participantIds = {
  branchIds: z.array(id()).max(100).default([]),
  staffMemberIds: z.array(id()).max(100).default([]),
};
const someone = (value: { branchIds: number[]; staffMemberIds: number[] }) => value.branchIds.length + value.staffMemberIds.length > 0;
const inYear = (date: string | undefined, value: number) => date === undefined || Number(date.slice(0, 4)) === value;

export const recordJuryMembershipBody = z.object({
  competitionName: requiredText(500),
  year: year(),
  level: competitionLevelSchema,
  organiser: optionalText(500).optional(),
  staffMemberIds: z.array(id()).min(1, 'укажите членов жюри').max(50),
  note: optionalText(1000).optional(),
}).strict();
export type RecordJuryMembershipInput = z.infer<typeof recordJuryMembershipBody>;

export const recordConferenceParticipationBody = z.object({
  conferenceName: requiredText(500),
  year: year(),
  heldOn: isoDate().optional(),
  level: competitionLevelSchema,
  organiser: optionalText(500).optional(),
  talkTitle: optionalText(500).optional().describe('тема доклада, если выступали'),
  ...participantIds,
}).strict()
  .refine(someone, { path: ['branchIds'], message: 'укажите филиалы или сотрудников' })
  .refine((value) => inYear(value.heldOn, value.year), { path: ['heldOn'], message: 'дата не в указанном году' });
export type RecordConferenceParticipationInput = z.infer<typeof recordConferenceParticipationBody>;

export const recordHonourBody = z.object({
  title: requiredText(500).describe('благодарственное письмо, почётная грамота…'),
  fromOrganisation: optionalText(500).optional(),
  year: year(),
  receivedOn: isoDate().optional(),
  reason: optionalText(1000).optional().describe('за что'),
  ...participantIds,
}).strict()
  .refine(someone, { path: ['branchIds'], message: 'укажите филиалы или сотрудников' })
  .refine((value) => inYear(value.receivedOn, value.year), { path: ['receivedOn'], message: 'дата не в указанном году' });
export type RecordHonourInput = z.infer<typeof recordHonourBody>;

export const competitionListQuery = z.object({
  year: yearParam().optional(),
  level: competitionLevelSchema.optional(),
  branch: idParam().optional().describe('конкурсы, где участвовал филиал (показываются только его участия)'),
  q: optionalText(100).optional(),
  ...paginationQuery,
});
export type CompetitionListQuery = z.infer<typeof competitionListQuery>;

/** Jury work, conferences and honours are listed by the same filters. */
export const recordListQuery = z.object({
  year: yearParam().optional(),
  branch: idParam().optional(),
  ...paginationQuery,
});
export type RecordListQuery = z.infer<typeof recordListQuery>;

export const achievementSummaryQuery = z.object({
  year: yearParam(),
  branch: idParam().optional(),
});

export const entryParams = z.object({ id: idParam(), entryId: idParam() });

export const documentUploadQuery = z.object({
  fileName: optionalText(200).optional().describe('имя файла для скачивания'),
});

export const documentSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.date(),
});
export type DocumentView = z.infer<typeof documentSchema>;

export const awardSchema = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  result: awardResultSchema,
  rank: z.number().int().nullable(),
  amountKopecks: z.number().int().nullable(),
  note: z.string(),
  wording: z.string().describe('как в отчёте: «Диплом 1 степени», «1 место»…'),
  document: documentSchema.nullable(),
});
export type AwardView = z.infer<typeof awardSchema>;

export const staffRefSchema = z.object({ id: z.number().int(), fullName: z.string(), shortName: z.string() });
export type StaffRef = z.infer<typeof staffRefSchema>;

export const entrySchema = z.object({
  id: z.number().int(),
  competitionId: z.number().int(),
  branchId: z.number().int(),
  branchName: z.string(),
  participantKind: participantKindSchema,
  staff: z.array(staffRefSchema),
  readerName: z.string(),
  preparedBy: staffRefSchema.nullable(),
  teamName: z.string(),
  nomination: z.string(),
  workTitle: z.string(),
  participantLabel: z.string(),
  awards: z.array(awardSchema),
});
export type EntryView = z.infer<typeof entrySchema>;

export const competitionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  level: competitionLevelSchema,
  organiser: z.string(),
  nominations: z.array(z.string()),
  entries: z.array(entrySchema),
  text: z.string().describe('строка для отчёта'),
});
export type CompetitionView = z.infer<typeof competitionSchema>;

export const participantSchema = z.object({
  branchId: z.number().int(),
  branchName: z.string(),
  staff: staffRefSchema.nullable(),
});
export type ParticipantView = z.infer<typeof participantSchema>;

export const juryMembershipSchema = z.object({
  id: z.number().int(),
  competitionName: z.string(),
  year: z.number().int(),
  level: competitionLevelSchema,
  organiser: z.string(),
  note: z.string(),
  members: z.array(participantSchema),
  text: z.string(),
});
export type JuryMembershipView = z.infer<typeof juryMembershipSchema>;

export const conferenceParticipationSchema = z.object({
  id: z.number().int(),
  conferenceName: z.string(),
  year: z.number().int(),
  heldOn: z.string().nullable(),
  level: competitionLevelSchema,
  organiser: z.string(),
  talkTitle: z.string(),
  participants: z.array(participantSchema),
  text: z.string(),
});
export type ConferenceParticipationView = z.infer<typeof conferenceParticipationSchema>;

export const honourSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  fromOrganisation: z.string(),
  year: z.number().int(),
  receivedOn: z.string().nullable(),
  reason: z.string(),
  recipients: z.array(participantSchema),
  text: z.string(),
});
export type HonourView = z.infer<typeof honourSchema>;

const countsByLevel = z.object(Object.fromEntries(competitionLevelSchema.options.map((level) => [level, z.number().int()])) as
  Record<CompetitionLevel, z.ZodNumber>);

/** A year's achievements in the order and wording of the annual report, and the counts per branch. */
export const achievementSummarySchema = z.object({
  year: z.number().int(),
  levels: z.array(z.object({
    level: competitionLevelSchema,
    heading: z.string(),
    competitions: z.array(competitionSchema),
  })),
  branches: z.array(z.object({
    branchId: z.number().int(),
    branchName: z.string(),
    entries: z.number().int().describe('участий в конкурсах'),
    prizes: z.number().int().describe('призовых результатов: места 1–3, дипломы, дипломы победителя и лауреата'),
    entriesByLevel: countsByLevel,
  })),
  jury: z.array(juryMembershipSchema),
  conferences: z.array(conferenceParticipationSchema),
  honours: z.array(honourSchema),
});
export type AchievementSummary = z.infer<typeof achievementSummarySchema>;
