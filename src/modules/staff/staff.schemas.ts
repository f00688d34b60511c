import { id, idParam, isoDate, optionalText, paginationQuery, requiredText, z } from '../../shared/zod.js';

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

export const createStaffPositionBody = z.object({
  branchId: id(),
  title: requiredText(200),
  rate: z.number().positive().max(100).multipleOf(0.01),
  validFrom: isoDate(),
  validTo: isoDate().nullable().optional(),
}).strict();
export type CreateStaffPositionInput = z.infer<typeof createStaffPositionBody>;

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
