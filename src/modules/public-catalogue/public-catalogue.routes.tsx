import compress from '@fastify/compress';
import etag from '@fastify/etag';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { z } from '../../shared/zod.js';
import {
  countBibRecords, documentKindLabel, findBibRecord, languageLabel, presentBibRecord, searchCatalogue,
  writeIso2709Record, writeMarcXml, type BibRecordView, type MarcRecord,
} from '../catalogue/index.js';
import { resolvePublicNetwork } from '../network/index.js';
import { loadStylesheet, ONE_YEAR_IMMUTABLE } from './assets.js';
import { M } from './messages.js';
import { AdvancedSearchPage } from './pages/AdvancedSearchPage.js';
import { HomePage, NotFoundPage } from './pages/HomePage.js';
import type { PageContext } from './pages/Layout.js';
import { RecordPage } from './pages/RecordPage.js';
import { renderPage } from './pages/render.js';
import { SearchPage } from './pages/SearchPage.js';
import { ADVANCED_FIELDS, foldAdvancedFields, searchQuerySchema, searchRequestOf, searchUrl, stateOf } from './search-params.js';
import { applyViChange, parseViCookie, safeBackPath, VI_COOKIE, viCookieValue } from './vi-settings.js';

export interface PublicCatalogueOptions {
  db: Kysely<DB>;
  /** The network code the public site serves (config `publicNetwork`); default the first network. */
  publicNetwork?: string | undefined;
}

/** A record's id as its link writes it — digits without a leading zero — so each record has one address («01», «1e0» are no record). */
const recordParams = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).pipe(z.number().max(2 ** 31 - 1)) });
const viQuery = z.object({
  on: z.string().optional(), size: z.string().optional(), scheme: z.string().optional(),
  images: z.string().optional(), spacing: z.string().optional(), back: z.string().optional(),
}).catch({});
const ADVANCED_NAMES: string[] = ADVANCED_FIELDS.map(([name]) => name);

/**
 * The public catalogue: server-rendered pages for anyone, no JavaScript — `/` (home and search box),
 * `/search` (results with facets, sort, paging), `/search/advanced`, `/records/:id` (the ГОСТ description,
 * the fields, downloads), `/vi` (the settings of the version for the visually impaired, remembered in a cookie).
 * Pages are compressed (brotli/gzip) and carry an ETag (a repeat request gets 304) within this plugin only; the
 * stylesheet is cached for a year.
 */
export const publicCatalogueRoutes: FastifyPluginAsync<PublicCatalogueOptions> = async (app, { db, publicNetwork }) => {
  // A page asked for again is answered «304 Not Modified» when nothing on it changed: a reader on a slow line
  // going back to the results does not download them again. Weak tags: the bytes sent are compressed.
  await app.register(etag, { weak: true });
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  const stylesheet = loadStylesheet();
  const pageContext = (request: FastifyRequest, networkName: string): PageContext => ({
    networkName, vi: parseViCookie(request.cookies[VI_COOKIE]), path: request.url, stylesheet: stylesheet.path,
  });
  /** Resolves the public network, or answers 503 itself when the deployment has none yet. */
  const network = async (request: FastifyRequest, reply: FastifyReply) => {
    const found = await resolvePublicNetwork(db, publicNetwork);
    if (!found) {
      await sendHtml(reply.code(503), renderPage(<NotFoundPage context={pageContext(request, M.catalogue)} title="Каталог ещё не открыт" />));
    }
    return found;
  };
  const recordOf = async (request: FastifyRequest, reply: FastifyReply): Promise<{ view: BibRecordView; context: PageContext } | undefined> => {
    const current = await network(request, reply);
    if (!current) return undefined;
    const context = pageContext(request, current.name);
    const params = recordParams.safeParse(request.params);
    const row = params.success ? await findBibRecord(db, current.id, params.data.id) : undefined;
    if (!row) {
      await sendHtml(reply.code(404), renderPage(<NotFoundPage context={context} title={M.recordNotFound} />));
      return undefined;
    }
    return { view: presentBibRecord(row), context };
  };
  const opts = { schema: { hide: true } };

  app.get(stylesheet.path, opts, async (_request, reply) =>
    reply.header('cache-control', ONE_YEAR_IMMUTABLE).type('text/css; charset=utf-8').send(stylesheet.css));

  app.get('/', opts, async (request, reply) => {
    const current = await network(request, reply);
    if (!current) return reply;
    const total = await countBibRecords(db, current.id);
    return sendHtml(reply, renderPage(<HomePage context={pageContext(request, current.name)} total={total} />));
  });

  app.get('/search', opts, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const query = searchQuerySchema.parse(raw);
    if (ADVANCED_NAMES.some((name) => name in raw) || raw.yearFrom === '' || raw.yearTo === '' || raw.type === '' || raw.language === '') {
      // The advanced form: answered with the canonical URL of the same search (bookmarkable, one URL per search).
      return reply.redirect(searchUrl(stateOf({ ...query, q: foldAdvancedFields(query) }), {}), 303);
    }
    const current = await network(request, reply);
    if (!current) return reply;
    const state = stateOf(query);
    const result = await searchCatalogue(db, current.id, searchRequestOf(state));
    return sendHtml(reply, renderPage(<SearchPage context={pageContext(request, current.name)} state={state} result={result} />));
  });

  app.get('/search/advanced', opts, async (request, reply) => {
    const current = await network(request, reply);
    if (!current) return reply;
    const { facets } = await searchCatalogue(db, current.id, { query: null, facets: true, limit: 1 });
    return sendHtml(reply, renderPage(
      <AdvancedSearchPage context={pageContext(request, current.name)} types={facets?.documentTypes ?? []} languages={facets?.languages ?? []} />));
  });

  app.get('/records/:id', opts, async (request, reply) => {
    const found = await recordOf(request, reply);
    if (!found) return reply;
    const backToSearch = searchCameFrom(request);
    // The page's own address carries the search it came from (`from`), so that the links of the version for the
    // visually impaired, which come back to this address, keep «Назад к поиску» pointing to that search.
    const path = backToSearch === '/search' ? `/records/${found.view.id}` : `/records/${found.view.id}?${new URLSearchParams({ from: backToSearch })}`;
    return sendHtml(reply, renderPage(
      <RecordPage context={{ ...found.context, path }} record={found.view} labels={{ documentType: documentKindLabel, language: languageLabel }}
        backToSearch={backToSearch} />));
  });

  app.get('/records/:id/marcxml', opts, async (request, reply) => {
    const found = await recordOf(request, reply);
    if (!found) return reply;
    return download(reply, `record-${found.view.id}.xml`, 'application/marcxml+xml; charset=utf-8', writeMarcXml([found.view.record as MarcRecord]));
  });

  app.get('/records/:id/iso2709', opts, async (request, reply) => {
    const found = await recordOf(request, reply);
    if (!found) return reply;
    return download(reply, `record-${found.view.id}.mrc`, 'application/marc', writeIso2709Record(found.view.record as MarcRecord));
  });

  app.get('/vi', opts, async (request, reply) => {
    const change = viQuery.parse(request.query ?? {});
    const settings = applyViChange(parseViCookie(request.cookies[VI_COOKIE]), change);
    const value = viCookieValue(settings);
    const cookie = { path: '/', sameSite: 'lax', httpOnly: true } as const;
    if (value) reply.setCookie(VI_COOKIE, value, { ...cookie, maxAge: 365 * 24 * 3600 });
    else reply.clearCookie(VI_COOKIE, cookie);
    return reply.redirect(safeBackPath(change.back), 303);
  });
};

/** The HTML 404 for any unknown URL a browser asks for (the API keeps answering problem+json). */
export function publicNotFoundPage(options: PublicCatalogueOptions) {
  const stylesheet = loadStylesheet();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const current = await resolvePublicNetwork(options.db, options.publicNetwork);
    const context: PageContext = {
      networkName: current?.name ?? M.catalogue, vi: parseViCookie(request.cookies[VI_COOKIE]), path: '/', stylesheet: stylesheet.path,
    };
    return sendHtml(reply.code(404), renderPage(<NotFoundPage context={context} />));
  };
}

/** Whether a request not found should get the HTML page: a browser's GET outside the API. */
export function wantsHtmlPage(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/')
    && (request.headers.accept ?? '').includes('text/html');
}

/** The search results page the reader came from (same site, /search), for «Назад к поиску»; else the whole catalogue. */
/**
 * The search a record page was opened from: its `from` (a page that came back from the visually impaired settings),
 * else the referring search page of this site; else the plain search page. Only a /search address is taken.
 */
function searchCameFrom(request: FastifyRequest): string {
  const from = safeBackPath((request.query as { from?: unknown }).from);
  if (from === '/search' || from.startsWith('/search?')) return from;
  try {
    const referer = new URL(request.headers.referer ?? '');
    if (referer.hostname === request.hostname && referer.pathname === '/search') return `${referer.pathname}${referer.search}`;
  } catch {
    // No referer, or not a URL: the plain link below.
  }
  return '/search';
}

function sendHtml(reply: FastifyReply, html: string) {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
}

function download(reply: FastifyReply, fileName: string, type: string, body: string | Buffer) {
  return reply.header('content-disposition', `attachment; filename="${fileName}"`).type(type).send(body);
}
