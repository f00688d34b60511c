import { id, idParam, isoDate, optionalText, paginationQuery, requiredText, z } from '../../shared/zod.js';

export const placeKindSchema = z.enum(['library', 'outreach', 'online']);
export const audienceSchema = z.enum(['children', 'youth', 'adults', 'seniors', 'families', 'disabled', 'general']);
export const admissionSchema = z.enum(['free', 'paid', 'pushkin_card']);
export const partnerKindSchema = z.enum([
  'school', 'kindergarten', 'culture_house', 'veterans', 'youth', 'administration', 'social', 'public_organisation', 'other',
]);
export const campaignKindSchema = z.enum(['campaign', 'project']);
export const campaignLevelSchema = z.enum(['international', 'national', 'regional', 'inter_district', 'district']);
export const statisticsGroupSchema = z.enum(['direction', 'form', 'audience', 'branch']);

const year = () => z.coerce.number().int().min(1900).max(2100);
const headcount = () => z.number().int().min(0).max(1_000_000);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'нужно время в формате ЧЧ:ММ');

/**
 * Attendance of a held event: the total and, of it, the 6-НК age groups (children up to 14,
 * youth 15–30, adults) and people with disabilities. The groups may leave some visitors
 * uncounted, never count more than came.
 */
export const attendanceBody = z.object({
  total: headcount(),
  children: headcount().default(0),
  youth: headcount().default(0),
  adults: headcount().default(0),
  disabled: headcount().default(0),
}).strict().superRefine((value, context) => {
  const groups = value.children + value.youth + value.adults;
  if (groups > value.total) {
    context.addIssue({
      code: 'custom', path: ['total'],
      message: `меньше суммы по возрастным группам (дети + молодёжь + взрослые = ${groups})`,
    });
  }
  if (value.disabled > value.total) {
    context.addIssue({ code: 'custom', path: ['disabled'], message: 'больше общего числа посетителей' });
  }
});
export type AttendanceInput = z.infer<typeof attendanceBody>;

const ids = (max: number) => z.array(id()).max(max);

const eventFields = {
  title: requiredText(500),
  startsOn: isoDate(),
  endsOn: isoDate().nullable().describe('последний день, если мероприятие идёт несколько дней (выставка)'),
  startsAt: timeOfDay.nullable().describe('время начала, ЧЧ:ММ'),
  branchIds: ids(30).min(1, 'укажите хотя бы один филиал').describe('филиалы-организаторы'),
  placeKind: placeKindSchema,
  place: optionalText(300),
  formId: id(),
  directionIds: ids(20).min(1, 'укажите хотя бы одно направление'),
  audience: audienceSchema.describe('основная аудитория'),
  admission: admissionSchema.describe('бесплатно, платно или по «Пушкинской карте»'),
  attendance: attendanceBody.nullable().describe('посещаемость; пусто — мероприятие ещё не проведено'),
  partnerIds: ids(50),
  campaignId: id().nullable().describe('акция или проект'),
  exhibitionDocuments: z.number().int().min(1).max(1_000_000).nullable().describe('документов на книжной выставке'),
  description: optionalText(5000),
};

export const createEventBody = z.object({
  ...eventFields,
  endsOn: eventFields.endsOn.optional(),
  startsAt: eventFields.startsAt.optional(),
  place: eventFields.place.optional(),
  admission: eventFields.admission.default('free'),
  attendance: eventFields.attendance.optional(),
  partnerIds: eventFields.partnerIds.default([]),
  campaignId: eventFields.campaignId.optional(),
  exhibitionDocuments: eventFields.exhibitionDocuments.optional(),
  description: eventFields.description.optional(),
}).strict();
export type CreateEventInput = z.infer<typeof createEventBody>;

export const updateEventBody = z.object(eventFields).partial().strict();
export type UpdateEventInput = z.infer<typeof updateEventBody>;

export const duplicateEventBody = z.object({
  dates: z.array(isoDate()).min(1, 'укажите хотя бы одну дату').max(60).describe('даты начала копий (для встреч клуба — несколько)'),
}).strict();
export type DuplicateEventInput = z.infer<typeof duplicateEventBody>;

const month = z.coerce.number().int().min(1).max(12);
/** A month means nothing without its year. */
const monthNeedsYear = (value: { year?: number; month?: number }, context: z.RefinementCtx) => {
  if (value.month !== undefined && value.year === undefined) {
    context.addIssue({ code: 'custom', path: ['month'], message: 'месяц указывается вместе с годом' });
  }
};

export const eventListQuery = z.object({
  year: year().optional().describe('идущие в этом году'),
  month: month.optional().describe('идущие в этом месяце года year'),
  from: isoDate().optional(),
  to: isoDate().optional(),
  branch: idParam().optional(),
  form: idParam().optional(),
  direction: idParam().optional(),
  campaign: idParam().optional(),
  partner: idParam().optional(),
  audience: audienceSchema.optional(),
  q: optionalText(100).optional(),
  ...paginationQuery,
}).superRefine(monthNeedsYear);
export type EventListQuery = z.infer<typeof eventListQuery>;

const reference = z.object({ id: z.number().int(), name: z.string() });

export const attendanceSchema = z.object({
  total: z.number().int(),
  children: z.number().int(),
  youth: z.number().int(),
  adults: z.number().int(),
  disabled: z.number().int(),
});

export const eventSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  startsAt: z.string().nullable(),
  placeKind: placeKindSchema,
  place: z.string(),
  form: reference.extend({ countsDocuments: z.boolean() }),
  directions: z.array(reference),
  audience: audienceSchema,
  admission: admissionSchema,
  attendance: attendanceSchema.nullable(),
  isHeld: z.boolean().describe('посещаемость записана'),
  exhibitionDocuments: z.number().int().nullable(),
  branches: z.array(reference),
  partners: z.array(reference),
  campaign: reference.nullable(),
  description: z.string(),
});
export type EventView = z.infer<typeof eventSchema>;

// Dictionaries: forms and directions of events, configurable per network.
const dictionaryCode = z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'латинские строчные буквы, цифры и «_», до 40 знаков');

export const createDirectionBody = z.object({ code: dictionaryCode, name: requiredText(200) }).strict();
export const createFormBody = createDirectionBody.extend({
  countsDocuments: z.boolean().default(false).describe('записывать число показанных документов (книжная выставка)'),
}).strict();
export type CreateDictionaryEntryInput = z.input<typeof createFormBody>;

export const updateDirectionBody = z.object({ name: requiredText(200), isActive: z.boolean() }).partial().strict();
export const updateFormBody = updateDirectionBody.extend({ countsDocuments: z.boolean().optional() }).strict();
export type UpdateDictionaryEntryInput = z.infer<typeof updateFormBody>;

export const directionSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string(), isActive: z.boolean() });
export const formSchema = directionSchema.extend({ countsDocuments: z.boolean() });
export type FormView = z.infer<typeof formSchema>;

export const dictionariesSchema = z.object({ forms: z.array(formSchema), directions: z.array(directionSchema) });

// Partners.
const partnerFields = {
  name: requiredText(300),
  kind: partnerKindSchema,
  settlement: optionalText(200),
  contacts: optionalText(500),
  note: optionalText(2000),
};

export const createPartnerBody = z.object({
  ...partnerFields,
  settlement: partnerFields.settlement.optional(),
  contacts: partnerFields.contacts.optional(),
  note: partnerFields.note.optional(),
}).strict();
export type CreatePartnerInput = z.infer<typeof createPartnerBody>;

export const updatePartnerBody = z.object(partnerFields).partial().strict();
export type UpdatePartnerInput = z.infer<typeof updatePartnerBody>;

export const partnerListQuery = z.object({
  year: year().optional().describe('с совместными мероприятиями в этом году'),
  branch: idParam().optional().describe('с совместными мероприятиями этого филиала'),
  kind: partnerKindSchema.optional(),
  q: optionalText(100).optional(),
  ...paginationQuery,
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;

export const partnerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: partnerKindSchema,
  settlement: z.string(),
  contacts: z.string(),
  note: z.string(),
  eventCount: z.number().int().describe('совместных мероприятий (в году и филиале из фильтра)'),
});
export type PartnerView = z.infer<typeof partnerSchema>;

export const partnerCardSchema = partnerSchema.extend({
  projects: z.array(z.object({
    id: z.number().int(), name: z.string(), kind: campaignKindSchema, year: z.number().int(), eventCount: z.number().int(),
  })).describe('акции и проекты, в которых партнёр участвовал вместе с библиотеками'),
});

// Campaigns and projects.
const campaignFields = {
  name: requiredText(300),
  kind: campaignKindSchema,
  year: z.number().int().min(1900).max(2100),
  level: campaignLevelSchema,
  organiser: optionalText(300),
  description: optionalText(5000),
};

export const createCampaignBody = z.object({
  ...campaignFields,
  kind: campaignFields.kind.default('campaign'),
  organiser: campaignFields.organiser.optional(),
  description: campaignFields.description.optional(),
}).strict();
export type CreateCampaignInput = z.infer<typeof createCampaignBody>;

export const updateCampaignBody = z.object(campaignFields).partial().strict();
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const campaignListQuery = z.object({
  year: year().optional(),
  branch: idParam().optional().describe('в которых филиал участвовал'),
  level: campaignLevelSchema.optional(),
  kind: campaignKindSchema.optional(),
  q: optionalText(100).optional(),
  ...paginationQuery,
});
export type CampaignListQuery = z.infer<typeof campaignListQuery>;

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: campaignKindSchema,
  year: z.number().int(),
  level: campaignLevelSchema,
  organiser: z.string(),
  description: z.string(),
  branchCount: z.number().int(),
  eventCount: z.number().int(),
  attendance: z.number().int(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

const campaignEvent = z.object({ id: z.number().int(), title: z.string(), startsOn: z.string(), attendance: z.number().int().nullable() });

export const campaignCardSchema = campaignSchema.extend({
  branches: z.array(z.object({
    id: z.number().int(),
    name: z.string(),
    declared: z.boolean().describe('участие записано (а не только по мероприятиям)'),
    note: z.string(),
    events: z.array(campaignEvent),
  })),
});

export const participationBody = z.object({ branchId: id(), note: optionalText(1000).default('') }).strict();
export type ParticipationInput = z.infer<typeof participationBody>;
export const participationParams = z.object({ id: idParam(), branchId: idParam() });

// Annual plans and their fulfilment.
export const eventPlanBody = z.object({
  branchId: id(),
  year: z.number().int().min(1900).max(2100),
  directionId: id().nullable().default(null).describe('пусто — общий план филиала'),
  plannedEvents: z.number().int().min(0).max(100_000),
  plannedAttendance: z.number().int().min(0).max(10_000_000),
}).strict();
export type EventPlanInput = z.infer<typeof eventPlanBody>;

export const eventPlanSchema = z.object({
  id: z.number().int(),
  branchId: z.number().int(),
  year: z.number().int(),
  directionId: z.number().int().nullable(),
  plannedEvents: z.number().int(),
  plannedAttendance: z.number().int(),
});
export type EventPlanView = z.infer<typeof eventPlanSchema>;

export const fulfilmentQuery = z.object({
  year: year(),
  branch: idParam().optional(),
  direction: idParam().optional().describe('план и проведённые мероприятия по направлению; без него — общий план'),
});
export type FulfilmentQuery = z.infer<typeof fulfilmentQuery>;

export const fulfilmentSchema = z.object({
  year: z.number().int(),
  directionId: z.number().int().nullable(),
  rows: z.array(z.object({
    branchId: z.number().int(),
    branchName: z.string(),
    plannedEvents: z.number().int().nullable(),
    plannedAttendance: z.number().int().nullable(),
    heldEvents: z.number().int(),
    heldAttendance: z.number().int(),
  })),
});

// Statistics for the methodologist.
export const statisticsQuery = z.object({
  year: year(),
  month: month.optional(),
  branch: idParam().optional(),
  groupBy: statisticsGroupSchema.default('direction'),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const figures = {
  events: z.number().int(),
  heldEvents: z.number().int(),
  attendance: attendanceSchema,
};

export const statisticsSchema = z.object({
  year: z.number().int(),
  month: z.number().int().nullable(),
  groupBy: statisticsGroupSchema,
  rows: z.array(z.object({
    key: z.string(),
    name: z.string().nullable().describe('название; для audience — пусто (подпись по коду)'),
    ...figures,
  })),
  totals: z.object(figures).describe('по сети: каждое мероприятие один раз'),
});
