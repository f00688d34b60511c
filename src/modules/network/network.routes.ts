import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { idParams, paged, z } from '../../shared/zod.js';
import { requireActor } from '../auth/index.js';
import { createBranch } from './create-branch.js';
import { findBranch, findNetwork, listBranchEvents, listBranches, listServicePoints } from './network.queries.js';
import {
  branchCardSchema, branchEventBody, branchEventSchema, branchListQuery, branchSchema, createBranchBody,
  createServicePointBody, networkSchema, servicePointListQuery, servicePointSchema, updateBranchBody, updateServicePointBody,
} from './network.schemas.js';
import { presentBranch, presentBranchEvent, presentServicePoint } from './present.js';
import { recordBranchEvent } from './record-branch-event.js';
import { createServicePoint, updateServicePoint } from './service-points.js';
import { updateBranch } from './update-branch.js';

const tags = ['Сеть библиотек'];

export const networkRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/network', { schema: { tags, summary: 'Сеть (ЦБС) текущего пользователя', response: { 200: networkSchema } } }, async (request) => {
    const network = (await findNetwork(db, requireActor(request).networkId))!;
    return { id: network.id, code: network.code, name: network.name, fullName: network.full_name };
  });

  app.get('/branches', {
    schema: {
      tags, summary: 'Филиалы: activeOn — работавшие в дату, year — работавшие в году (с числом дней)',
      querystring: branchListQuery, response: { 200: paged(branchSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listBranches(db, actor.networkId, request.query);
    return { items: rows.map(presentBranch), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/branches', {
    schema: { tags, summary: 'Открыть филиал', body: createBranchBody, response: { 201: branchSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const branch = await db.transaction().execute((trx) => createBranch({ trx, actor, input: request.body }));
    return reply.status(201).send(branch);
  });

  app.get('/branches/:id', {
    schema: { tags, summary: 'Карточка филиала с историей и пунктами обслуживания', params: idParams, response: { 200: branchCardSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findBranch(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Филиал');
    const [events, points] = await Promise.all([listBranchEvents(db, row.id), listServicePoints(db, actor.networkId, row.id)]);
    return { ...presentBranch(row), events: events.map(presentBranchEvent), servicePoints: points.map(presentServicePoint) };
  });

  app.patch('/branches/:id', {
    schema: { tags, summary: 'Изменить контакты и режим работы филиала', params: idParams, body: updateBranchBody, response: { 200: branchSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateBranch({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.post('/branches/:id/events', {
    schema: {
      tags, summary: 'Событие истории филиала: переименование, реорганизация, смена статуса, ликвидация, открытие',
      params: idParams, body: branchEventBody, response: { 201: branchEventSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const event = await db.transaction().execute((trx) => recordBranchEvent({ trx, actor, branchId: request.params.id, input: request.body }));
    return reply.status(201).send(event);
  });

  app.get('/service-points', {
    schema: { tags, summary: 'Пункты внестационарного обслуживания', querystring: servicePointListQuery, response: { 200: z.array(servicePointSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    return (await listServicePoints(db, actor.networkId, request.query.branch)).map(presentServicePoint);
  });

  app.post('/service-points', {
    schema: { tags, summary: 'Добавить пункт обслуживания', body: createServicePointBody, response: { 201: servicePointSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const point = await db.transaction().execute((trx) => createServicePoint({ trx, actor, input: request.body }));
    return reply.status(201).send(point);
  });

  app.patch('/service-points/:id', {
    schema: { tags, summary: 'Изменить пункт обслуживания', params: idParams, body: updateServicePointBody, response: { 200: servicePointSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateServicePoint({ trx, actor, id: request.params.id, input: request.body }));
  });
};
