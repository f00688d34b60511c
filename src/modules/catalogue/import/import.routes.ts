import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../../db/schema.js';
import { notFound, ProblemError } from '../../../server/problem.js';
import { idParams, type z } from '../../../shared/zod.js';
import { assertCanCompileNetworkRecords, requireActor, type Actor } from '../../auth/index.js';
import { parseSearchBox } from '../search/query.js';
import { errorsCsv } from './errors-csv.js';
import { checkIso2709Export, exportMarc, type ExportSelection } from './export-marc.js';
import {
  catalogueImportDetailSchema, catalogueImportListQuery, catalogueImportPageSchema, exportQuery, importUploadQuery, iso2709CheckSchema,
} from './import.schemas.js';
import { findCatalogueImport, listCatalogueImports } from './import.queries.js';
import { presentCatalogueImport, presentCatalogueImportDetail } from './present-import.js';
import { runCatalogueImport } from './run-catalogue-import.js';

const tags = ['Каталог: загрузка и выгрузка'];

/**
 * The largest file an upload takes: 1 GB, about a million records — more than a municipal network's
 * whole catalogue. The file is streamed into the import, never held in memory, so the limit guards the
 * disk of the database and the time of one request, not the server's memory. Larger files: the CLI.
 */
export const IMPORT_BODY_LIMIT = 1024 * 1024 * 1024;

/** Media types an upload may carry (the browser sends .mrc as application/octet-stream, .xml as text/xml). */
export const IMPORT_MEDIA_TYPES = ['application/octet-stream', 'application/marc', 'application/marcxml+xml', 'application/xml', 'text/xml'];

const tooLarge = () => new ProblemError(413, 'Слишком большой файл', 'Файл больше 1 ГБ: загрузите его частями или командой «biblioset import marc»');

/** The request body as it arrives, refused past `limit` bytes. */
async function* limited(body: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge();
    yield chunk;
  }
}

async function drain(source: AsyncIterable<Uint8Array>): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) { /* discard */ }
}

/** The records an export request names: these ids, what its search finds, or — for who may — the whole catalogue. */
function exportSelectionOf(actor: Actor, query: z.infer<typeof exportQuery>): ExportSelection {
  const { ids, q, sort, yearFrom, yearTo, type, language, bbk, age } = query;
  const parsed = parseSearchBox(q ?? '');
  const filters = {
    ...(yearFrom === undefined ? {} : { yearFrom }), ...(yearTo === undefined ? {} : { yearTo }),
    ...(type.length ? { documentTypes: type } : {}), ...(language.length ? { languages: language } : {}),
    ...(bbk.length ? { bbkDivisions: bbk } : {}), ...(age.length ? { ageRatings: age } : {}),
  };
  if (ids) return { kind: 'ids', ids: ids.split(',').map(Number) };
  // A search's results, as the list shows them (same sort, same typo correction).
  if (parsed || Object.keys(filters).length > 0) return { kind: 'search', request: { query: parsed, filters, ...(sort ? { sort } : {}) } };
  // The whole catalogue leaves the system: the administrator's and the methodologist's decision.
  assertCanCompileNetworkRecords(actor);
  return { kind: 'all' };
}

const fileNameOf = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');

export const catalogueImportRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  // The payload stream is handed on as it is: the import reads it while it arrives (backpressure), so
  // a file of any size takes the memory of one batch. Fastify does not apply bodyLimit to a stream
  // parser: IMPORT_BODY_LIMIT is checked on Content-Length and counted while reading.
  app.addContentTypeParser(IMPORT_MEDIA_TYPES, (_request, payload, done) => done(null, payload));

  app.post('/catalogue/imports', {
    schema: {
      tags,
      summary: 'Загрузить файл MARC (ISO 2709 или MARCXML; MARC21 или RUSMARC): тело запроса — сам файл. Ответ — итог загрузки',
      description: `Файл до ${IMPORT_BODY_LIMIT / 1024 / 1024} МБ, типы: ${IMPORT_MEDIA_TYPES.join(', ')}. Ход загрузки — GET /catalogue/imports/{id}.`,
      querystring: importUploadQuery,
      response: { 201: catalogueImportDetailSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    assertCanCompileNetworkRecords(actor);
    const body = request.body as unknown;
    if (!(body instanceof Readable)) {
      throw new ProblemError(415, 'Неподдерживаемый формат', `Отправьте файл как есть, с типом ${IMPORT_MEDIA_TYPES.join(', ')}`);
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > IMPORT_BODY_LIMIT) throw tooLarge();
    const { fileName, format, schema, encoding, onMatch } = request.query;
    const source = limited(body, IMPORT_BODY_LIMIT);
    const row = await runCatalogueImport({
      db, actor, source,
      input: {
        fileName, fileSize: Number.isFinite(declared) ? declared : null,
        options: { format: format || undefined, schema: schema || undefined, encoding: encoding || undefined, onMatch },
      },
    });
    // A file refused at its first bytes: read the rest of the body so that the answer reaches the browser.
    if (!body.readableEnded) await drain(source);
    return reply.status(201).send(presentCatalogueImportDetail(row));
  });

  app.get('/catalogue/imports', {
    schema: { tags, summary: 'Загрузки каталога, новые первыми', querystring: catalogueImportListQuery, response: { 200: catalogueImportPageSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    assertCanCompileNetworkRecords(actor);
    const { page, pageSize, status } = request.query;
    const { items, total } = await listCatalogueImports(db, actor.networkId, { limit: pageSize, offset: (page - 1) * pageSize, status });
    return { items: items.map(presentCatalogueImport), total, page, pageSize };
  });

  app.get('/catalogue/imports/:id', {
    schema: { tags, summary: 'Загрузка каталога: ход, итог и отчёты о записях с ошибками', params: idParams, response: { 200: catalogueImportDetailSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    assertCanCompileNetworkRecords(actor);
    const row = await findCatalogueImport(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Загрузка');
    return presentCatalogueImportDetail(row);
  });

  app.get('/catalogue/imports/:id/errors.csv', {
    schema: { tags, summary: 'Отчёт о записях с ошибками (CSV для Excel: UTF-8 с BOM, разделитель «;»)', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    assertCanCompileNetworkRecords(actor);
    const row = await findCatalogueImport(db, actor.networkId, request.params.id);
    if (!row) throw notFound('Загрузка');
    const name = `errors-${row.id}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .header('Cache-Control', 'private, no-store')
      .send(errorsCsv(row.errors, row.failed_count));
  });

  app.get('/catalogue/export', {
    schema: {
      tags,
      summary: 'Выгрузить записи в ISO 2709 или MARCXML (UTF-8, каждая в своей схеме): выбранные (ids), найденные (параметры поиска) или весь каталог',
      querystring: exportQuery,
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { format } = request.query;
    const selection = exportSelectionOf(actor, request.query);
    const date = new Date().toISOString().slice(0, 10);
    const name = `catalogue-${date}.${format === 'marcxml' ? 'xml' : 'mrc'}`;
    return reply
      .type(format === 'marcxml' ? 'application/marcxml+xml; charset=utf-8' : 'application/marc')
      .header('Content-Disposition', `attachment; filename="${fileNameOf(name)}"`)
      .header('Cache-Control', 'private, no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(Readable.from(exportMarc({ db, networkId: actor.networkId, selection, format })));
  });

  app.get('/catalogue/export/iso2709-check', {
    schema: {
      tags,
      summary: 'Проверить перед выгрузкой в ISO 2709: сколько записей выбрано и какие ISO 2709 не вместит (их можно выгрузить в MARCXML)',
      querystring: exportQuery,
      response: { 200: iso2709CheckSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return checkIso2709Export({ db, networkId: actor.networkId, selection: exportSelectionOf(actor, request.query) });
  });
};
