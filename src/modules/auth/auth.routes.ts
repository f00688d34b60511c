import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DB } from '../../db/schema.js';
import { idParams, paged, z } from '../../shared/zod.js';
import {
  auditEntrySchema, auditQuery, createUserBody, loginBody, meSchema, updateUserBody, userSchema,
} from './auth.schemas.js';
import { findUserById, listAuditEntries, listUsers } from './auth.queries.js';
import { notFound } from '../../server/problem.js';
import { createUser } from './create-user.js';
import { logIn } from './log-in.js';
import { assertAdmin } from './policy.js';
import { presentUser } from './present-user.js';
import { requireActor } from './request-actor.js';
import { actorOfSession, endSession, SESSION_COOKIE, SESSION_LIFETIME_MS } from './sessions.js';
import { updateUser } from './update-user.js';

export const authRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; secureCookies: boolean }> = async (app, { db, secureCookies }) => {
  app.post('/auth/login', {
    schema: { tags: ['Вход'], summary: 'Войти: устанавливает cookie сеанса', body: loginBody, response: { 200: meSchema } },
  }, async (request, reply) => {
    const token = await logIn({ db, ...request.body });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: SESSION_LIFETIME_MS / 1000,
    });
    return (await actorOfSession(db, token))!;
  });

  app.post('/auth/logout', { schema: { tags: ['Вход'], summary: 'Выйти' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { tags: ['Вход'], summary: 'Текущий пользователь', response: { 200: meSchema } } },
    async (request) => requireActor(request));

  app.get('/users', { schema: { tags: ['Пользователи'], summary: 'Пользователи сети (администратор)', response: { 200: z.array(userSchema) } } },
    async (request) => {
      const actor = requireActor(request);
      assertAdmin(actor);
      return (await listUsers(db, actor.networkId)).map(presentUser);
    });

  app.get('/users/:id', {
    schema: { tags: ['Пользователи'], summary: 'Пользователь (администратор)', params: idParams, response: { 200: userSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    assertAdmin(actor);
    const user = await findUserById(db, actor.networkId, request.params.id);
    if (!user) throw notFound('Пользователь');
    return presentUser(user);
  });

  app.post('/users', {
    schema: { tags: ['Пользователи'], summary: 'Создать пользователя', body: createUserBody, response: { 201: userSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const user = await db.transaction().execute((trx) => createUser({ trx, actor, input: request.body }));
    return reply.status(201).send(user);
  });

  app.patch('/users/:id', {
    schema: { tags: ['Пользователи'], summary: 'Изменить пользователя', params: idParams, body: updateUserBody, response: { 200: userSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return db.transaction().execute((trx) => updateUser({ trx, actor, id: request.params.id, input: request.body }));
  });

  app.get('/audit', {
    schema: { tags: ['Журнал изменений'], summary: 'Журнал изменений (администратор)', querystring: auditQuery, response: { 200: paged(auditEntrySchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    assertAdmin(actor);
    const { total, items } = await listAuditEntries(db, actor.networkId, request.query);
    return {
      total, page: request.query.page, pageSize: request.query.pageSize,
      items: items.map((row) => ({
        id: row.id, at: row.at, action: row.action, entity: row.entity, entityId: row.entity_id,
        user: row.user_id === null ? null : { id: row.user_id, login: row.login ?? '', fullName: row.full_name ?? '' },
        before: row.before, after: row.after,
      })),
    };
  });
};
