import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../server/problem.js';
import { resolvePublicNetwork } from '../../network/index.js';
import { formatSearchBox, parseSearchBox } from './query.js';
import { searchCatalogue } from './search-catalogue.js';
import { catalogueSearchQuery, catalogueSearchResponse } from './search.schemas.js';

/**
 * `GET /api/catalogue/search`: open to anyone — a public catalogue's data is public. The network is
 * the signed-in actor's, else the public site's (config `publicNetwork`, else the first network).
 */
export const catalogueSearchRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; publicNetwork?: string }> = async (app, { db, publicNetwork }) => {
  app.get('/catalogue/search', {
    schema: {
      tags: ['Каталог'],
      summary: 'Поиск в каталоге: морфология, фразы, поля, фильтры, фасеты, сортировка, исправление опечаток',
      querystring: catalogueSearchQuery,
      response: { 200: catalogueSearchResponse },
    },
  }, async (request) => {
    const networkId = request.actor?.networkId ?? (await resolvePublicNetwork(db, publicNetwork))?.id;
    if (networkId === undefined) throw notFound('Каталог');
    const input = request.query;
    const query = parseSearchBox(input.q ?? '');
    const result = await searchCatalogue(db, networkId, {
      query,
      filters: {
        yearFrom: input.yearFrom, yearTo: input.yearTo, documentTypes: input.type, languages: input.language,
        bbkDivisions: input.bbk, ageRatings: input.age,
      },
      sort: input.sort,
      offset: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
      facets: input.facets ?? false,
    });
    return {
      query: query ? formatSearchBox(query) : '',
      page: input.page,
      pageSize: input.pageSize,
      total: result.total,
      hits: result.hits,
      ...(result.facets ? { facets: result.facets } : {}),
      ...(result.corrected ? { corrected: { text: result.corrected.text, query: result.corrected.query } } : {}),
    };
  });
};
