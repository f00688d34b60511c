import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../auth/index.js';
import { confirmReportImport } from './confirm-report-import.js';
import {
  confirmReportTextBody, confirmReportTextResultSchema, reportTextBody, reportTextProposalsSchema,
} from './imports.schemas.js';
import { proposeReportImport } from './propose-report-import.js';

const tags = ['Импорт'];

export const importsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.post('/imports/report-text', {
    schema: {
      tags, summary: 'Разобрать текст годового отчёта: предложения конкурсов, наград, акций, курсов, жюри, конференций и семинаров (ничего не сохраняет)',
      body: reportTextBody, response: { 200: reportTextProposalsSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return proposeReportImport({ db, actor, input: request.body });
  });

  app.post('/imports/report-text/confirm', {
    schema: {
      tags, summary: 'Сохранить принятые предложения разбора одной транзакцией: все или ничего',
      body: confirmReportTextBody, response: { 201: confirmReportTextResultSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await db.transaction().execute((trx) => confirmReportImport({ trx, actor, input: request.body }));
    return reply.status(201).send(result);
  });
};
