import { id, idParam, isoDate, optionalText, paginationQuery, requiredText, yearParam, z } from '../../shared/zod.js';

export const employmentSchema = z.enum(['staff', 'part_time']);
export const educationSchema = z.enum(['higher', 'secondary_vocational', 'other']);

const staffMemberFields = {
  branchId: id(),
  lastName: requiredText(100),
  firstName: requiredText(100),
  middleName: optionalText(100),
  position: requiredText(200),
  employment: employmentSchema,
  isCoreStaff: z.boolean().describe('основной персонал (6-НК)'),
  education: educationSchema,
  hasLibraryEducation: z.boolean(),
  libraryExperienceSince: isoDate().nullable().describe('начало библиотечного стажа'),
  birthDate: isoDate().nullable(),
  hasDisability: z.boolean(),
  hiredOn: isoDate(),
  dismissedOn: isoDate().nullable(),
};

export const createStaffMemberBody = z.object({
  ...staffMemberFields,
  middleName: staffMemberFields.middleName.optional(),
  isCoreStaff: staffMemberFields.isCoreStaff.optional(),
  hasLibraryEducation: staffMemberFields.hasLibraryEducation.optional(),
  libraryExperienceSince: staffMemberFields.libraryExperienceSince.optional(),
  birthDate: staffMemberFields.birthDate.optional(),
  hasDisability: staffMemberFields.hasDisability.optional(),
  dismissedOn: staffMemberFields.dismissedOn.optional(),
}).strict();
export type CreateStaffMemberInput = z.infer<typeof createStaffMemberBody>;

export const updateStaffMemberBody = z.object(staffMemberFields).partial().strict();
export type UpdateStaffMemberInput = z.infer<typeof updateStaffMemberBody>;

export const staffListQuery = z.object({
  branch: idParam().optional(),
  activeOn: isoDate().optional().describe('работавшие в эту дату'),
  q: optionalText(100).optional(),
  ...paginationQuery,
});
export type StaffListQuery = z.infer<typeof staffListQuery>;

export const trainingTopicSchema = z.enum([
  'library', 'fire_safety', 'first_aid', 'anti_terrorism', 'anti_corruption', 'labour_protection',
  'civil_defence', 'financial_literacy', 'digital', 'other',
]);

export const createTrainingBody = z.object({
  course: requiredText(500),
  provider: optionalText(300).optional(),
  topic: trainingTopicSchema.optional(),
  hours: z.number().int().min(1).max(2000).nullable().optional(),
  startedOn: isoDate().nullable().optional(),
  finishedOn: isoDate(),
  certificateNumber: optionalText(100).optional(),
}).strict();
export type CreateTrainingInput = z.infer<typeof createTrainingBody>;

export const trainingSchema = z.object({
  id: z.number().int(),
  staffMemberId: z.number().int(),
  course: z.string(),
  provider: z.string(),
  topic: trainingTopicSchema,
  hours: z.number().int().nullable(),
  startedOn: z.string().nullable(),
  finishedOn: z.string(),
  certificateNumber: z.string(),
});
export type TrainingView = z.infer<typeof trainingSchema>;

export const staffMemberSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  branchName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  fullName: z.string(),
  position: z.string(),
  employment: employmentSchema,
  isCoreStaff: z.boolean(),
  education: educationSchema,
  hasLibraryEducation: z.boolean(),
  libraryExperienceSince: z.string().nullable(),
  birthDate: z.string().nullable(),
  hasDisability: z.boolean(),
  hiredOn: z.string(),
  dismissedOn: z.string().nullable(),
});
export type StaffMemberView = z.infer<typeof staffMemberSchema>;

export const staffCardSchema = staffMemberSchema.extend({ trainings: z.array(trainingSchema) });

const staffPositionFields = {
  title: requiredText(200),
  rate: z.number().positive().max(100).multipleOf(0.01),
  validFrom: isoDate(),
  validTo: isoDate().nullable().describe('последний день, когда единица есть в штатном расписании'),
};

export const createStaffPositionBody = z.object({
  branchId: id(),
  ...staffPositionFields,
  validTo: staffPositionFields.validTo.optional(),
}).strict();
export type CreateStaffPositionInput = z.infer<typeof createStaffPositionBody>;

export const updateStaffPositionBody = z.object(staffPositionFields).partial().strict();
export type UpdateStaffPositionInput = z.infer<typeof updateStaffPositionBody>;

export const staffPositionSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  title: z.string(),
  rate: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type StaffPositionView = z.infer<typeof staffPositionSchema>;

export const staffPositionListQuery = z.object({ branch: idParam().optional(), activeOn: isoDate().optional() });

export const trainingParams = z.object({ id: idParam(), trainingId: idParam() });

export const staffStatisticsQuery = z.object({
  date: isoDate().describe('на какую дату (для 6-НК — 31 декабря отчётного года)'),
  branch: idParam().optional(),
});

/** The figures of 6-НК section 6 as of a date. Education, experience and age are counted over the core staff. */
export const staffStatisticsSchema = z.object({
  date: z.string(),
  posts: z.number().describe('штатные единицы'),
  headcount: z.number().int().describe('численность работников'),
  withDisability: z.number().int(),
  coreStaff: z.number().int().describe('основной персонал'),
  higherEducation: z.number().int(),
  higherLibraryEducation: z.number().int(),
  secondaryVocationalEducation: z.number().int(),
  secondaryVocationalLibraryEducation: z.number().int(),
  experienceUpTo3: z.number().int(),
  experience3To10: z.number().int(),
  experienceOver10: z.number().int(),
  ageUnder30: z.number().int(),
  age30To55: z.number().int(),
  age55AndOver: z.number().int(),
});
export type StaffStatistics = z.infer<typeof staffStatisticsSchema>;

export const trainingListQuery = z.object({
  year: yearParam().optional().describe('год окончания обучения'),
  branch: idParam().optional().describe('филиал сотрудника'),
  topic: trainingTopicSchema.optional(),
  q: optionalText(100).optional().describe('курс, организация или фамилия'),
  ...paginationQuery,
});
export type TrainingListQuery = z.infer<typeof trainingListQuery>;

export const trainingListItemSchema = trainingSchema.extend({
  staffMemberName: z.string(),
  branchId: z.number().int(),
  branchName: z.string(),
});
export type TrainingListItemView = z.infer<typeof trainingListItemSchema>;

export const trainingStatisticsQuery = z.object({
  year: yearParam().describe('год окончания обучения'),
  branch: idParam().optional(),
});

const trainingFigures = {
  people: z.number().int().describe('сотрудников прошли обучение'),
  courses: z.number().int().describe('разных курсов'),
  certificates: z.number().int().describe('записей об обучении (удостоверений, сертификатов)'),
  hours: z.number().int().describe('часов обучения'),
};

/** Staff trained in a year by topic; a person trained on two topics counts once in the total. */
export const trainingStatisticsSchema = z.object({
  year: z.number().int(),
  byTopic: z.array(z.object({ topic: trainingTopicSchema, ...trainingFigures })),
  total: z.object(trainingFigures),
});
export type TrainingStatistics = z.infer<typeof trainingStatisticsSchema>;

export const recordSeminarBody = z.object({
  heldOn: isoDate(),
  topic: requiredText(500),
  organiser: optionalText(300).optional(),
  description: optionalText(4000).optional(),
  attendeeStaffIds: z.array(id()).max(1000).default([]).describe('сотрудники сети, присутствовавшие на семинаре'),
  externalAttendees: z.number().int().min(0).max(100_000).default(0).describe('участники не из сотрудников сети'),
}).strict().refine((seminar) => new Set(seminar.attendeeStaffIds).size === seminar.attendeeStaffIds.length, {
  path: ['attendeeStaffIds'], message: 'сотрудники повторяются',
});
export type RecordSeminarInput = z.infer<typeof recordSeminarBody>;

export const seminarListQuery = z.object({
  year: yearParam().optional(),
  branch: idParam().optional().describe('семинары, на которых были сотрудники филиала'),
  ...paginationQuery,
});
export type SeminarListQuery = z.infer<typeof seminarListQuery>;

export const seminarSchema = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  topic: z.string(),
  organiser: z.string(),
  description: z.string(),
  externalAttendees: z.number().int(),
  attendees: z.array(z.object({ id: z.number().int(), fullName: z.string(), branchId: z.number().int(), branchName: z.string() })),
  attendeeCount: z.number().int().describe('всего участников: сотрудники и внешние'),
});
export type SeminarView = z.infer<typeof seminarSchema>;
