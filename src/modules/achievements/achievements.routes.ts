import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound, ProblemError, sendProblem } from '../../server/problem.js';
import { idParams, paged } from '../../shared/zod.js';
import { requireActor } from '../auth/index.js';
import { addAward } from './add-award.js';
import { addEntry } from './add-entry.js';
import { findAwardDocument, listCompetitions } from './achievements.queries.js';
import {
  achievementSummaryQuery, achievementSummarySchema, addAwardBody, addEntryBody, awardSchema, competitionListQuery, competitionSchema,
  conferenceParticipationSchema, createCompetitionBody, documentSchema, documentUploadQuery, entrySchema, honourSchema,
  juryMembershipSchema, recordConferenceParticipationBody, recordHonourBody, recordJuryMembershipBody, recordListQuery,
  updateCompetitionBody,
} from './achievements.schemas.js';
import { attachDocument, documentTooLarge } from './attach-document.js';
import { createCompetition } from './create-competition.js';
import { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES } from './document-type.js';
import { recordConferenceParticipation } from './record-conference-participation.js';
import { recordHonour } from './record-honour.js';
import { recordJuryMembership } from './record-jury-membership.js';
import { removeAward } from './remove-award.js';
import { removeEntry } from './remove-entry.js';
import { removeRecord } from './remove-record.js';
import { updateCompetition } from './update-competition.js';
import {
  findCompetitionView, loadAchievementSummary, loadCompetitions, loadConferenceParticipations, loadHonours, loadJuryMemberships,
} from './views.js';

const tags = ['Достижения'];
type Options = { db: Kysely<DB> };

/** The body-parsing errors of an upload, said about the file. */
function documentProblem(error: FastifyError): Error {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return documentTooLarge();
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ProblemError(415, 'Неподдерживаемый формат', 'document: нужен файл PDF, JPEG или PNG', [
      { field: 'document', message: 'нужен файл PDF, JPEG или PNG (Content-Type: application/pdf, image/jpeg или image/png)' },
    ]);
  }
  return error;
}

/**
 * The upload of a scanned diploma: the raw file is the body. Its own scope takes only the three
 * document types (no JSON, no form): they are not "simple" content types, so a cross-site form
 * cannot send them and the JSON-only CSRF rule holds.
 */
const documentUploadRoutes: FastifyPluginAsyncZod<Options> = async (app, { db }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(DOCUMENT_MEDIA_TYPES, { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(documentProblem(error), request, reply));

  app.post('/awards/:id/document', {
    bodyLimit: MAX_DOCUMENT_BYTES,
    schema: {
      tags,
      summary: 'Прикрепить скан диплома: тело — сам файл (application/pdf, image/jpeg или image/png, до 5 МБ); заменяет прежний',
      params: idParams, querystring: documentUploadQuery, response: { 201: documentSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const declaredType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const document = await db.transaction().execute((trx) => attachDocument({
      trx, actor, awardId: request.params.id, file: { content: request.body as Buffer, declaredType, fileName: request.query.fileName },
    }));
    return reply.status(201).send(document);
  });
};

/** Lists, creation and removal of jury work, conferences and honours: the same shape for each. */
const recordRoutes: FastifyPluginAsyncZod<Options> = async (app, { db }) => {
  app.get('/jury-memberships', {
    schema: { tags, summary: 'Работа сотрудников в жюри', querystring: recordListQuery, response: { 200: paged(juryMembershipSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { page, pageSize } = request.query;
    return { ...(await loadJuryMemberships(db, actor.networkId, request.query)), page, pageSize };
  });

  app.post('/jury-memberships', {
    schema: { tags, summary: 'Записать работу сотрудников в жюри конкурса', body: recordJuryMembershipBody, response: { 201: juryMembershipSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(await db.transaction().execute((trx) => recordJuryMembership({ trx, actor, input: request.body })));
  });

  app.delete('/jury-memberships/:id', { schema: { tags, summary: 'Удалить ошибочную запись о работе в жюри', params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => removeRecord({ trx, actor, kind: 'jury_membership', id: request.params.id }));
    return reply.status(204).send();
  });

  app.get('/conferences', {
    schema: { tags, summary: 'Участие в конференциях', querystring: recordListQuery, response: { 200: paged(conferenceParticipationSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { page, pageSize } = request.query;
    return { ...(await loadConferenceParticipations(db, actor.networkId, request.query)), page, pageSize };
  });

  app.post('/conferences', {
    schema: {
      tags, summary: 'Записать участие филиалов или сотрудников в конференции', body: recordConferenceParticipationBody,
      response: { 201: conferenceParticipationSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(await db.transaction().execute((trx) => recordConferenceParticipation({ trx, actor, input: request.body })));
  });

  app.delete('/conferences/:id', { schema: { tags, summary: 'Удалить ошибочную запись об участии в конференции', params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => removeRecord({ trx, actor, kind: 'conference_participation', id: request.params.id }));
    return reply.status(204).send();
  });

  app.get('/honours', {
    schema: { tags, summary: 'Благодарности и награды филиалов и сотрудников', querystring: recordListQuery, response: { 200: paged(honourSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { page, pageSize } = request.query;
    return { ...(await loadHonours(db, actor.networkId, request.query)), page, pageSize };
  });

  app.post('/honours', {
    schema: { tags, summary: 'Записать полученную благодарность или награду', body: recordHonourBody, response: { 201: honourSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(await db.transaction().execute((trx) => recordHonour({ trx, actor, input: request.body })));
  });

  app.delete('/honours/:id', { schema: { tags, summary: 'Удалить ошибочную запись о благодарности или награде', params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => removeRecord({ trx, actor, kind: 'honour', id: request.params.id }));
    return reply.status(204).send();
  });
};

export const achievementsRoutes: FastifyPluginAsyncZod<Options> = async (app, { db }) => {
  app.get('/competitions', {
    schema: {
      tags, summary: 'Конкурсы с участиями и результатами: фильтр по году, уровню, филиалу (только его участия), названию',
      querystring: competitionListQuery, response: { 200: paged(competitionSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { total, rows } = await listCompetitions(db, actor.networkId, request.query);
    const items = await loadCompetitions(db, rows, request.query.branch);
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post('/competitions', {
    schema: { tags, summary: 'Добавить конкурс', body: createCompetitionBody, response: { 201: competitionSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(await db.transaction().execute((trx) => createCompetition({ trx, actor, input: request.body })));
  });

  app.get('/competitions/:id', {
    schema: { tags, summary: 'Конкурс с участиями и результатами', params: idParams, response: { 200: competitionSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const competition = await findCompetitionView(db, actor.networkId, request.params.id);
    if (!competition) throw notFound('Конкурс');
    return competition;
  });

  app.patch('/competitions/:id', {
    schema: { tags, summary: 'Исправить конкурс, его номинации', params: idParams, body: updateCompetitionBody, response: { 200: competitionSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateCompetition({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.post('/competitions/:id/entries', {
    schema: { tags, summary: 'Добавить участие в конкурсе (с результатами)', params: idParams, body: addEntryBody, response: { 201: entrySchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const entry = await db.transaction().execute((trx) => addEntry({ trx, actor, competitionId: request.params.id, input: request.body }));
    return reply.status(201).send(entry);
  });

  app.delete('/competition-entries/:id', {
    schema: { tags, summary: 'Удалить ошибочное участие с его результатами', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => removeEntry({ trx, actor, entryId: request.params.id }));
    return reply.status(204).send();
  });

  app.post('/competition-entries/:id/awards', {
    schema: { tags, summary: 'Добавить результат участия', params: idParams, body: addAwardBody, response: { 201: awardSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const award = await db.transaction().execute((trx) => addAward({ trx, actor, entryId: request.params.id, input: request.body }));
    return reply.status(201).send(award);
  });

  app.delete('/awards/:id', {
    schema: { tags, summary: 'Удалить ошибочный результат с его документом', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute((trx) => removeAward({ trx, actor, awardId: request.params.id }));
    return reply.status(204).send();
  });

  app.get('/awards/:id/document', {
    schema: { tags, summary: 'Скачать скан диплома', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const document = await findAwardDocument(db, actor.networkId, request.params.id);
    if (!document) throw notFound('Документ');
    const asciiName = document.file_name.replace(/[^\x20-\x7e]/g, '_');
    return reply
      .type(document.media_type)
      .header('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.file_name)}`)
      // Always a download, never rendered by the browser as something else, nor kept in a shared cache.
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', 'private, no-store')
      .send(Buffer.from(document.content));
  });

  app.get('/achievements/summary', {
    schema: {
      tags, summary: 'Достижения за год: по уровням в порядке отчёта, по филиалам; жюри, конференции, благодарности',
      querystring: achievementSummaryQuery, response: { 200: achievementSummarySchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return loadAchievementSummary(db, actor.networkId, request.query.year, request.query.branch);
  });

  await app.register(recordRoutes, { db });
  await app.register(documentUploadRoutes, { db });
};
