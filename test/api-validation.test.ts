import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from './app.js';
import { branchInput, staffMemberInput } from './factories.js';

/**
 * "Invalid input to any endpoint gets 400 problem+json naming the field, and writes nothing":
 * checked for every write endpoint the OpenAPI document lists, so a new endpoint is covered
 * the day it is added.
 */
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  const branch = (await admin.post('/api/branches', branchInput())).json();
  const member = (await admin.post('/api/staff', staffMemberInput(branch.id))).json();
  await admin.post(`/api/staff/${member.id}/trainings`, { course: 'Курс', finishedOn: '2023-01-01' });
});
afterAll(() => t.close());

interface Operation { method: string; path: string }

async function writeOperations(): Promise<Operation[]> {
  const document = (await admin.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).filter(([, operation]) => operation.requestBody).map(([method]) => ({ method: method.toUpperCase(), path })));
}

/** Row counts of every table: the proof that a refused request wrote nothing. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('sessions', 'login_failures') ORDER BY 1`.execute(t.database.db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}`.execute(t.database.db);
    counts[table_name] = rows[0]!.n;
  }
  return counts;
}

describe('every write endpoint', () => {
  it('is listed in the OpenAPI document', async () => {
    const operations = await writeOperations();
    expect(operations).toEqual(expect.arrayContaining([
      { method: 'POST', path: '/api/branches' }, { method: 'PATCH', path: '/api/staff/{id}' }, { method: 'POST', path: '/api/users' },
    ]));
  });

  it('answers a body of the wrong shape with 400 problem+json naming the field, and writes nothing', async () => {
    const operations = await writeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const before = await tableCounts();
    for (const { method, path } of operations) {
      const url = path.replace(/\{[^}]+\}/g, '1');
      const body = { unexpectedField: true, name: 12345 };
      const response = method === 'PATCH' ? await admin.patch(url, body) : await admin.post(url, body);
      expect(response.statusCode, `${method} ${path}`).toBe(400);
      expect(response.headers['content-type'], `${method} ${path}`).toContain('application/problem+json');
      const problem = response.json();
      expect(typeof problem.field, `${method} ${path}: ${response.body}`).toBe('string');
      expect(problem.detail, `${method} ${path}`).toMatch(/[а-яё]/i);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('answers an invalid query parameter with 400 naming it', async () => {
    const response = await admin.get('/api/branches?activeOn=2023-02-30');
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('activeOn');
    expect(response.json().detail).toContain('ГГГГ-ММ-ДД');
  });
});

describe('a malformed body', () => {
  it('is answered with 400 naming the body as broken JSON', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"login": "admin",', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body', detail: 'body: тело запроса — не корректный JSON' });
  });
});
