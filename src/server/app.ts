import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import '../shared/zod.js';
import type { Database } from '../db/database.js';
import { authRoutes, resolveActors } from '../modules/auth/index.js';
import { networkRoutes } from '../modules/network/index.js';
import { staffRoutes } from '../modules/staff/index.js';
import { eventsRoutes } from '../modules/events/index.js';
import { achievementsRoutes } from '../modules/achievements/index.js';
import { importsRoutes } from '../modules/imports/index.js';
import { catalogueImportRoutes, catalogueRoutes, catalogueSearchRoutes, cataloguingRoutes } from '../modules/catalogue/index.js';
import { sruRoutes } from '../modules/sru/index.js';
import { publicCatalogueRoutes, publicNotFoundPage, wantsHtmlPage } from '../modules/public-catalogue/index.js';
import { forbidden, sendProblem } from './problem.js';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface AppOptions {
  database: Database;
  logger?: boolean;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies?: boolean;
  /** Code of the network the public catalogue and SRU serve; default the first network. */
  publicNetwork?: string;
}

/**
 * Cross-site requests that change data are refused: the browser sends Origin on them,
 * and it must match the host the request came to. Scripts without Origin pass
 * (they carry their own cookie); bodies are JSON only, which a plain HTML form cannot send.
 */
function refuseCrossOriginWrites(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw forbidden('Запрос с чужого сайта отклонён');
    }
    if (originHost !== request.headers.host) throw forbidden('Запрос с чужого сайта отклонён');
  });
}

/** Composition: infrastructure → modules' routes → the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: Error, request, reply) => sendProblem(error, request, reply));
  const publicNotFound = publicNotFoundPage({ db: database.db, publicNetwork: options.publicNetwork });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/app/') && !request.url.startsWith('/app/assets/') && existsSync(WEB_DIST)) {
      return reply.sendFile('index.html', WEB_DIST);
    }
    if (wantsHtmlPage(request)) return publicNotFound(request, reply);
    return sendProblem(Object.assign(new Error('not found'), { statusCode: 404 }), request, reply);
  });
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  refuseCrossOriginWrites(app);
  resolveActors(app, database.db);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Biblioset API', version: '0.1.0', description: 'API информационной системы библиотечной сети' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(async (api) => {
    api.get('/health', async () => ({ status: 'ok', database: database.engine, version: '0.1.0' }));
    api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await api.register(authRoutes, { db: database.db, secureCookies: options.secureCookies ?? false });
    await api.register(networkRoutes, { db: database.db });
    await api.register(staffRoutes, { db: database.db });
    await api.register(eventsRoutes, { db: database.db });
    await api.register(achievementsRoutes, { db: database.db });
    await api.register(importsRoutes, { db: database.db });
    await api.register(catalogueRoutes, { db: database.db });
    await api.register(catalogueSearchRoutes, { db: database.db, publicNetwork: options.publicNetwork });
    await api.register(cataloguingRoutes, { db: database.db });
    // Its own plugin: the upload's content-type parser (a raw stream) stays inside it.
    await api.register(catalogueImportRoutes, { db: database.db });
  }, { prefix: '/api' });
  // SRU for other libraries' systems, outside /api: its clients expect the conventional /sru.
  await app.register(sruRoutes, { db: database.db, publicNetwork: options.publicNetwork });

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/app/' });
  }
  // The public catalogue at the site's root: /, /search, /records/:id (server-rendered, no JavaScript).
  await app.register(publicCatalogueRoutes, { db: database.db, publicNetwork: options.publicNetwork });
  return app;
}
