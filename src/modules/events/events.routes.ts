import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { idParams, paged, z } from '../../shared/zod.js';
import { requireActor } from '../auth/index.js';
import { recordParticipation, removeParticipation } from './campaign-participations.js';
import { createCampaign, updateCampaign } from './campaigns.js';
import { createEvents } from './create-events.js';
import { deleteEvent } from './delete-event.js';
import { createDictionaryEntry, DICTIONARIES, updateDictionaryEntry, type DictionaryKind } from './dictionary-entries.js';
import { duplicateEvent } from './duplicate-event.js';
import { ensureDefaultEventDictionaries } from './ensure-default-event-dictionaries.js';
import {
  computeFulfilment, computeStatistics, findCampaign, findEvent, findPartner, listCampaignBranches, listCampaigns, listDictionary,
  listEvents, listPartnerProjects, listPartners, periodOf,
} from './events.queries.js';
import {
  campaignCardSchema, campaignListQuery, campaignSchema, createCampaignBody, createDirectionBody, createEventBody, createFormBody,
  createPartnerBody, dictionariesSchema, directionSchema, duplicateEventBody, eventListQuery, eventPlanBody, eventPlanSchema,
  eventSchema, formSchema, fulfilmentQuery, fulfilmentSchema, participationBody, participationParams, partnerCardSchema,
  partnerListQuery, partnerSchema, statisticsQuery, statisticsSchema, updateCampaignBody, updateDirectionBody, updateEventBody,
  updateFormBody, updatePartnerBody,
} from './events.schemas.js';
import { createPartner, updatePartner } from './partners.js';
import { presentCampaign, presentDictionaryEntry, presentEvent, presentFigures, presentForm, presentPartner } from './present.js';
import { setEventPlan } from './set-event-plan.js';
import { updateEvent } from './update-event.js';

const tags = ['Мероприятия'];

export const eventsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/events', {
    schema: {
      tags, summary: 'Мероприятия: идущие в году (месяце, с даты по дату), по филиалу, форме, направлению, акции, партнёру, аудитории, тексту',
      querystring: eventListQuery, response: { 200: paged(eventSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listEvents(db, actor.networkId, request.query);
    return { items: rows.map(presentEvent), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/events', {
    schema: { tags, summary: 'Добавить мероприятие', body: createEventBody, response: { 201: eventSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const created = await db.transaction().execute((trx) => createEvents({ trx, actor, inputs: [request.body] }));
    return reply.status(201).send(created[0]!);
  });

  app.get('/events/statistics', {
    schema: {
      tags, summary: 'Мероприятия и посещаемость за год (месяц) по направлениям, формам, аудитории или филиалам',
      querystring: statisticsQuery, response: { 200: statisticsSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { year, month, branch, groupBy } = request.query;
    const { rows, totals } = await computeStatistics(db, actor.networkId, { ...periodOf(year, month), branch, groupBy });
    return {
      year, month: month ?? null, groupBy,
      rows: rows.map((row) => ({ key: row.key, name: row.name, ...presentFigures(row) })),
      totals: presentFigures(totals),
    };
  });

  app.get('/events/:id', {
    schema: { tags, summary: 'Карточка мероприятия', params: idParams, response: { 200: eventSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findEvent(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Мероприятие');
    return presentEvent(row);
  });

  app.patch('/events/:id', {
    schema: { tags, summary: 'Изменить мероприятие, записать посещаемость', params: idParams, body: updateEventBody, response: { 200: eventSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateEvent({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.delete('/events/:id', {
    schema: { tags, summary: 'Удалить ошибочное или отменённое мероприятие', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => deleteEvent({ trx, actor, id: request.params.id }));
    return reply.status(204).send();
  });

  app.post('/events/:id/duplicate', {
    schema: {
      tags, summary: 'Повторить мероприятие в другие даты (без посещаемости)',
      params: idParams, body: duplicateEventBody, response: { 201: z.array(eventSchema) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const copies = await db.transaction().execute((trx) => duplicateEvent({ trx, actor, id: request.params.id, input: request.body }));
    return reply.status(201).send(copies);
  });

  // Dictionaries of forms and directions.
  app.get('/event-dictionaries', {
    schema: { tags, summary: 'Справочники форм и направлений мероприятий (с выведенными из употребления)', response: { 200: dictionariesSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const [forms, directions] = await Promise.all([
      listDictionary(db, DICTIONARIES.forms.table, actor.networkId),
      listDictionary(db, DICTIONARIES.directions.table, actor.networkId),
    ]);
    return { forms: forms.map(presentForm), directions: directions.map(presentDictionaryEntry) };
  });

  app.post('/event-dictionaries/defaults', {
    schema: {
      tags, summary: 'Добавить недостающие стандартные формы и направления',
      response: { 200: dictionariesSchema.extend({ added: z.object({ forms: z.number().int(), directions: z.number().int() }).describe('сколько записей добавлено') }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => ensureDefaultEventDictionaries({ trx, actor }));
  });

  const dictionaryRoutes = (kind: DictionaryKind, path: string, schemas: {
    create: typeof createFormBody | typeof createDirectionBody;
    update: typeof updateFormBody | typeof updateDirectionBody;
    entry: typeof formSchema | typeof directionSchema;
  }) => {
    const { what } = DICTIONARIES[kind];
    app.post(path, {
      schema: { tags, summary: `${what}: добавить`, body: schemas.create, response: { 201: schemas.entry } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const entry = await db.transaction().execute((trx) => createDictionaryEntry({ trx, actor, kind, input: request.body }));
      return reply.status(201).send(entry);
    });
    app.patch(`${path}/:id`, {
      schema: { tags, summary: `${what}: переименовать, вывести из употребления`, params: idParams, body: schemas.update, response: { 200: schemas.entry } },
    }, async (request) => {
      const actor = requireActor(request);
      return db.transaction().execute((trx) => updateDictionaryEntry({ trx, actor, kind, id: request.params.id, input: request.body }));
    });
  };
  dictionaryRoutes('forms', '/event-forms', { create: createFormBody, update: updateFormBody, entry: formSchema });
  dictionaryRoutes('directions', '/event-directions', { create: createDirectionBody, update: updateDirectionBody, entry: directionSchema });

  // Partners.
  app.get('/partners', {
    schema: {
      tags, summary: 'Партнёры: с совместными мероприятиями в году и (или) филиале, по виду, по названию',
      querystring: partnerListQuery, response: { 200: paged(partnerSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listPartners(db, actor.networkId, request.query);
    return { items: rows.map(presentPartner), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/partners', {
    schema: { tags, summary: 'Добавить партнёра', body: createPartnerBody, response: { 201: partnerSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const partner = await db.transaction().execute((trx) => createPartner({ trx, actor, input: request.body }));
    return reply.status(201).send(partner);
  });

  app.get('/partners/:id', {
    schema: { tags, summary: 'Карточка партнёра с совместными акциями и проектами', params: idParams, response: { 200: partnerCardSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findPartner(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Партнёр');
    const projects = await listPartnerProjects(db, row.id);
    return {
      ...presentPartner(row),
      projects: projects.map((project) => ({ id: project.id, name: project.name, kind: project.kind, year: project.year, eventCount: project.event_count })),
    };
  });

  app.patch('/partners/:id', {
    schema: { tags, summary: 'Изменить партнёра', params: idParams, body: updatePartnerBody, response: { 200: partnerSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updatePartner({ trx, actor, id: request.params.id, input: request.body }));
  });

  // Campaigns and projects.
  app.get('/campaigns', {
    schema: {
      tags, summary: 'Акции и проекты: по году, филиалу-участнику, уровню, виду, названию',
      querystring: campaignListQuery, response: { 200: paged(campaignSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listCampaigns(db, actor.networkId, request.query);
    return { items: rows.map(presentCampaign), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/campaigns', {
    schema: { tags, summary: 'Добавить акцию или проект', body: createCampaignBody, response: { 201: campaignSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const campaign = await db.transaction().execute((trx) => createCampaign({ trx, actor, input: request.body }));
    return reply.status(201).send(campaign);
  });

  app.get('/campaigns/:id', {
    schema: { tags, summary: 'Карточка акции: филиалы-участники и их мероприятия', params: idParams, response: { 200: campaignCardSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findCampaign(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Акция');
    return { ...presentCampaign(row), branches: await listCampaignBranches(db, row.id) };
  });

  app.patch('/campaigns/:id', {
    schema: { tags, summary: 'Изменить акцию или проект', params: idParams, body: updateCampaignBody, response: { 200: campaignSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateCampaign({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.post('/campaigns/:id/participations', {
    schema: {
      tags, summary: 'Записать участие филиала в акции', params: idParams, body: participationBody,
      response: { 201: z.object({ campaignId: z.number().int(), branchId: z.number().int(), note: z.string() }) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const participation = await db.transaction().execute((trx) =>
      recordParticipation({ trx, actor, campaignId: request.params.id, input: request.body }));
    return reply.status(201).send(participation);
  });

  app.delete('/campaigns/:id/participations/:branchId', {
    schema: { tags, summary: 'Снять запись об участии филиала', params: participationParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) =>
      removeParticipation({ trx, actor, campaignId: request.params.id, branchId: request.params.branchId }));
    return reply.status(204).send();
  });

  // Annual plans.
  app.get('/event-plans', {
    schema: {
      tags, summary: 'План и его выполнение за год: запланировано и проведено по филиалам (общий план или по направлению)',
      querystring: fulfilmentQuery, response: { 200: fulfilmentSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await computeFulfilment(db, actor.networkId, request.query);
    return {
      year: request.query.year,
      directionId: request.query.direction ?? null,
      rows: rows.map((row) => ({
        branchId: row.branch_id, branchName: row.branch_name, plannedEvents: row.planned_events,
        plannedAttendance: row.planned_attendance, heldEvents: row.held_events, heldAttendance: row.held_attendance,
      })),
    };
  });

  app.post('/event-plans', {
    schema: { tags, summary: 'Задать план филиала на год (создаёт или заменяет)', body: eventPlanBody, response: { 200: eventPlanSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => setEventPlan({ trx, actor, input: request.body }));
  });
};
