import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/database.js';
import type { Role } from '../src/db/schema.js';
import { createUser, systemActor, type Actor } from '../src/modules/auth/index.js';
import { createNetwork } from '../src/modules/network/index.js';
import { buildApp } from '../src/server/app.js';
import { openTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  networkId: number;
  /** The network's administrator, for setting up data through use-cases. */
  system: Actor;
  /** Creates a user with the role and returns a client signed in as them. */
  signIn(role: Role, branchIds?: number[]): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Posts raw bytes (a file upload) with the given Content-Type. */
  postFile(url: string, content: Buffer, contentType: string): Promise<LightMyRequestResponse>;
}

let userSequence = 0;

/** Creates an account with the role in the network and returns a client signed in as it. */
export async function signInNewUser(options: {
  app: FastifyInstance; database: Database; networkId: number; role: Role; branchIds?: number[];
}): Promise<Client> {
  const { app, database, networkId, role, branchIds = [] } = options;
  const login = `user${++userSequence}`;
  const password = 'correct horse battery';
  await database.db.transaction().execute((trx) =>
    createUser({ trx, actor: systemActor(networkId), input: { login, password, fullName: `Пользователь ${login}`, role, branchIds } }));
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return clientOf(app, response.cookies.map((c) => `${c.name}=${c.value}`).join('; '));
}

/** The whole HTTP app in-process on a fresh database, with one network. */
export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ database });
  const { id: networkId } = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'test', name: 'Тестовая ЦБС', fullName: 'МБУК «Тестовая ЦБС»' } }));
  const system = systemActor(networkId);

  return {
    app, database, networkId, system,
    signIn: (role, branchIds = []) => signInNewUser({ app, database, networkId, role, branchIds }),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A client sending requests to the app in-process, with the given session cookie (or none). */
export function clientOf(app: FastifyInstance, cookie?: string): Client {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    delete: (url) => send('DELETE', url),
    postFile: (url, content, contentType) =>
      app.inject({ method: 'POST', url, headers: { ...(cookie ? { cookie } : {}), 'content-type': contentType }, payload: content }),
  };
}
