import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { idParams, paged, z } from '../../shared/zod.js';
import { requireActor } from '../auth/index.js';
import { createStaffMember } from './create-staff-member.js';
import { recordSeminar } from './record-seminar.js';
import { removeSeminar } from './remove-seminar.js';
import {
  presentSeminar, presentStaffMember, presentStaffPosition, presentTraining, presentTrainingListItem, presentTrainingStatistics,
} from './present.js';
import {
  computeStaffStatistics, computeTrainingStatistics, findSeminar, findStaffMember, listNetworkTrainings, listSeminarAttendees, listSeminars,
  listStaffMembers, listStaffPositions, listTrainings,
} from './staff.queries.js';
import {
  createStaffMemberBody, createStaffPositionBody, createTrainingBody, staffCardSchema, staffListQuery,
  staffMemberSchema, staffPositionListQuery, staffStatisticsQuery, staffStatisticsSchema, staffPositionSchema, trainingParams, trainingSchema, updateStaffMemberBody, updateStaffPositionBody,
} from './staff.schemas.js';
import {
  recordSeminarBody, seminarListQuery, seminarSchema, trainingListItemSchema, trainingListQuery, trainingStatisticsQuery, trainingStatisticsSchema,
} from './staff.schemas.js';
import { createStaffPosition, updateStaffPosition } from './staff-positions.js';
import { addTraining, removeTraining } from './trainings.js';
import { updateStaffMember } from './update-staff-member.js';

const tags = ['Сотрудники'];

export const staffRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/staff', {
    schema: { tags, summary: 'Сотрудники: фильтр по филиалу, дате работы, ФИО или должности', querystring: staffListQuery, response: { 200: paged(staffMemberSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listStaffMembers(db, actor.networkId, request.query);
    return { items: rows.map(presentStaffMember), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/staff', {
    schema: { tags, summary: 'Принять сотрудника', body: createStaffMemberBody, response: { 201: staffMemberSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const member = await db.transaction().execute((trx) => createStaffMember({ trx, actor, input: request.body }));
    return reply.status(201).send(member);
  });

  app.get('/staff/statistics', {
    schema: { tags, summary: 'Кадры на дату: показатели раздела 6 формы 6-НК', querystring: staffStatisticsQuery, response: { 200: staffStatisticsSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const { date, branch } = request.query;
    const row = await computeStaffStatistics(db, actor.networkId, date, branch);
    return {
      date, posts: row.posts, headcount: row.headcount, withDisability: row.with_disability, coreStaff: row.core_staff,
      higherEducation: row.higher, higherLibraryEducation: row.higher_library,
      secondaryVocationalEducation: row.secondary, secondaryVocationalLibraryEducation: row.secondary_library,
      experienceUpTo3: row.experience_up_to_3, experience3To10: row.experience_3_to_10, experienceOver10: row.experience_over_10,
      ageUnder30: row.age_under_30, age30To55: row.age_30_to_55, age55AndOver: row.age_55_and_over,
    };
  });

  app.get('/staff/:id', {
    schema: { tags, summary: 'Карточка сотрудника с повышением квалификации', params: idParams, response: { 200: staffCardSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findStaffMember(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Сотрудник');
    return { ...presentStaffMember(row), trainings: (await listTrainings(db, row.id)).map(presentTraining) };
  });

  app.patch('/staff/:id', {
    schema: { tags, summary: 'Изменить данные сотрудника', params: idParams, body: updateStaffMemberBody, response: { 200: staffMemberSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateStaffMember({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.post('/staff/:id/trainings', {
    schema: { tags, summary: 'Добавить запись о повышении квалификации', params: idParams, body: createTrainingBody, response: { 201: trainingSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const training = await db.transaction().execute((trx) =>
      addTraining({ trx, actor, staffMemberId: request.params.id, input: request.body }));
    return reply.status(201).send(training);
  });

  app.delete('/staff/:id/trainings/:trainingId', {
    schema: { tags, summary: 'Удалить ошибочную запись о повышении квалификации', params: trainingParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) =>
      removeTraining({ trx, actor, staffMemberId: request.params.id, trainingId: request.params.trainingId }));
    return reply.status(204).send();
  });

  app.get('/staff-positions', {
    schema: { tags, summary: 'Штатные единицы', querystring: staffPositionListQuery, response: { 200: z.array(staffPositionSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    return (await listStaffPositions(db, actor.networkId, request.query)).map(presentStaffPosition);
  });

  app.post('/staff-positions', {
    schema: { tags, summary: 'Добавить штатную единицу', body: createStaffPositionBody, response: { 201: staffPositionSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const position = await db.transaction().execute((trx) => createStaffPosition({ trx, actor, input: request.body }));
    return reply.status(201).send(position);
  });

  app.patch('/staff-positions/:id', {
    schema: {
      tags, summary: 'Исправить штатную единицу или закрыть её (validTo)', params: idParams, body: updateStaffPositionBody, response: { 200: staffPositionSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateStaffPosition({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.get('/trainings', {
    schema: {
      tags, summary: 'Повышение квалификации по всей сети: фильтр по году окончания, филиалу, теме',
      querystring: trainingListQuery, response: { 200: paged(trainingListItemSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listNetworkTrainings(db, actor.networkId, request.query);
    return { items: rows.map(presentTrainingListItem), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/trainings/statistics', {
    schema: { tags, summary: 'Обучено сотрудников за год по темам: люди, курсы, часы', querystring: trainingStatisticsQuery, response: { 200: trainingStatisticsSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const { year, branch } = request.query;
    return presentTrainingStatistics(year, await computeTrainingStatistics(db, actor.networkId, year, branch));
  });

  app.get('/seminars', {
    schema: { tags, summary: 'Семинары для сотрудников сети', querystring: seminarListQuery, response: { 200: paged(seminarSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listSeminars(db, actor.networkId, request.query);
    const attendees = await listSeminarAttendees(db, rows.map((row) => row.id));
    return { items: rows.map((row) => presentSeminar(row, attendees)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/seminars', {
    schema: { tags, summary: 'Записать проведённый семинар с участниками', body: recordSeminarBody, response: { 201: seminarSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const seminar = await db.transaction().execute((trx) => recordSeminar({ trx, actor, input: request.body }));
    return reply.status(201).send(seminar);
  });

  app.get('/seminars/:id', {
    schema: { tags, summary: 'Семинар с участниками', params: idParams, response: { 200: seminarSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findSeminar(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Семинар');
    return presentSeminar(row, await listSeminarAttendees(db, [row.id]));
  });

  app.delete('/seminars/:id', {
    schema: { tags, summary: 'Удалить ошибочно записанный семинар', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => removeSeminar({ trx, actor, id: request.params.id }));
    return reply.status(204).send();
  });
};
