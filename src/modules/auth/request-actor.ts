import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { unauthorized } from '../../server/problem.js';
import type { Actor } from './policy.js';
import { actorOfSession, SESSION_COOKIE } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the session cookie of every request to its actor (or null). */
export function resolveActors(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? ((await actorOfSession(db, token)) ?? null) : null;
  });
}

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
