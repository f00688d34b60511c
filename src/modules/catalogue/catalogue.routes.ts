import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { idParams } from '../../shared/zod.js';
import { requireActor } from '../auth/index.js';
import { findBibRecord } from './catalogue.queries.js';
import { bibRecordSchema } from './catalogue.schemas.js';
import { presentBibRecord } from './present.js';

const tags = ['Каталог'];

export const catalogueRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/catalogue/records/:id', {
    schema: { tags, summary: 'Библиографическая запись: сведения для показа и сама запись MARC', params: idParams, response: { 200: bibRecordSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findBibRecord(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Библиографическая запись');
    return presentBibRecord(row);
  });
};
