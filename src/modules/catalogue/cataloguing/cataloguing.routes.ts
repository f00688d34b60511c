import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../server/problem.js';
import { idParams } from '../../../shared/zod.js';
import { requireActor } from '../../auth/index.js';
import { findBibRecord } from '../catalogue.queries.js';
import { bibRecordSchema } from '../catalogue.schemas.js';
import type { MarcRecord } from '../marc/record.js';
import { AGE_RATING_LABELS, AGE_RATINGS, LANGUAGE_LABELS } from '../search/labels.js';
import { documentKindLabel } from '../search/labels.js';
import { BIB_FORM_DOCUMENT_TYPES, formFromRecord, ORGANISATION_ROLES, PERSON_ROLES } from './bib-form.js';
import {
  bibRecordFormSchema, cataloguingOptionsSchema, createBibRecordBody, duplicatesQuery, duplicatesSchema, updateBibRecordBody,
} from './cataloguing.schemas.js';
import { createBibRecord } from './create-bib-record.js';
import { deleteBibRecord } from './delete-bib-record.js';
import { findDuplicates } from './find-duplicates.js';
import { updateBibRecord } from './update-bib-record.js';

const tags = ['Каталогизация'];

/** Cataloguing: the form's choice lists, the duplicate check, and creating, changing and deleting records. */
export const cataloguingRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/catalogue/cataloguing/options', {
    schema: { tags, summary: 'Списки выбора формы каталогизации: виды документов, роли лиц и организаций, языки, возрастная маркировка', response: { 200: cataloguingOptionsSchema } },
  }, async (request) => {
    requireActor(request);
    return {
      documentTypes: BIB_FORM_DOCUMENT_TYPES.map((value) => ({ value, label: documentKindLabel(value) })),
      roles: PERSON_ROLES.map(({ code, label }) => ({ value: code, label })),
      organisationRoles: ORGANISATION_ROLES.map(({ code, label }) => ({ value: code, label })),
      languages: Object.entries(LANGUAGE_LABELS).map(([value, label]) => ({ value, label })),
      ageRatings: AGE_RATINGS.map((value) => ({ value, label: AGE_RATING_LABELS[value] })),
    };
  });

  app.get('/catalogue/duplicates', {
    schema: {
      tags, summary: 'Вероятные дубликаты: тот же ISBN, иначе похожее заглавие и тот же автор или год', querystring: duplicatesQuery,
      response: { 200: duplicatesSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return { candidates: await findDuplicates(db, actor.networkId, request.query) };
  });

  app.get('/catalogue/records/:id/form', {
    schema: { tags, summary: 'Запись в виде формы каталогизации (для правки)', params: idParams, response: { 200: bibRecordFormSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findBibRecord(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Библиографическая запись');
    return { id: row.id, schema: row.schema, updatedAt: row.updated_at.toISOString(), form: formFromRecord(row.record as MarcRecord, row.schema) };
  });

  app.post('/catalogue/records', {
    schema: {
      tags, summary: 'Новая запись: по форме или записью MARC; вероятный дубликат — 409, если не подтверждён', body: createBibRecordBody,
      response: { 201: bibRecordSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const created = await db.transaction().execute((trx) => createBibRecord({ trx, actor, input: request.body }));
    return reply.status(201).send(created);
  });

  app.patch('/catalogue/records/:id', {
    schema: {
      tags, summary: 'Изменить запись по форме или записью MARC целиком (администратор и методист); правка устаревшей версии — 409', params: idParams, body: updateBibRecordBody,
      response: { 200: bibRecordSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateBibRecord({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.delete('/catalogue/records/:id', {
    schema: { tags, summary: 'Удалить запись (администратор и методист)', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => deleteBibRecord({ trx, actor, id: request.params.id }));
    return reply.status(204).send();
  });
};
